package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AlertType;

import java.util.Objects;

/**
 * An alert a rule wants raised; the caller still checks the type's ALERTAS flag for the finca
 * before storing it. {@code confianzaIa} keeps the seed's column name.
 */
public record AlertCandidate(AlertType type, String code, String message, double confianzaIa) {

    public AlertCandidate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!(confianzaIa >= 0 && confianzaIa <= 1)) {
            throw new IllegalArgumentException("confianzaIa must be between 0 and 1: " + confianzaIa);
        }
    }
}

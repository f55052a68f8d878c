package com.fincafacil.farm.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seed's alert severities ({@code tipo_alerta}), declared from least to most severe. The wire
 * name is the upper-case constant, as in the seed's {@code alertas} table and ALERTAS flags.
 */
public enum AlertType {
    BAJA(0.65), MEDIA(0.75), ALTA(0.85), CRITICA(0.95);

    private final double defaultConfidence;

    AlertType(double defaultConfidence) {
        this.defaultConfidence = defaultConfidence;
    }

    public String wireName() {
        return name();
    }

    /** The {@code confianza_ia} the seed's v1.1.0 migration backfills for this type. */
    public double defaultConfidence() {
        return defaultConfidence;
    }

    /**
     * The ALERTAS flag that switches this type on. The seed's file defines no ALERTA_ALTA, so a
     * caller must expect the flag to be missing and fall back to its default.
     */
    public String flagKey() {
        return "ALERTA_" + name();
    }

    public boolean isAtLeast(AlertType other) {
        return compareTo(other) >= 0;
    }

    /** Case-insensitive; "CRÍTICA" with its accent is accepted. */
    public static Optional<AlertType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wire = WireNames.normalize(text);
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(wire)).findFirst();
    }
}

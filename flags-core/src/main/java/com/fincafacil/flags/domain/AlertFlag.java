package com.fincafacil.flags.domain;

import java.util.Objects;

/** An alert level from {@code ALERTAS}: on for a finca iff habilitado and its level is at least nivelMinimo. */
public record AlertFlag(String key, boolean habilitado, DeploymentLevel nivelMinimo) implements Flag {

    public AlertFlag {
        FlagKeys.requireValid(key);
        Objects.requireNonNull(nivelMinimo, "nivelMinimo");
    }
}

package com.fincafacil.farm.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The seed's deployment modes, declared in rollout order: a finca at a higher level sees
 * everything a lower level sees ({@code nivel_minimo} of the ALERTAS flags compares with this order).
 */
public enum DeploymentLevel {
    PILOTO, PRODUCCION_CONTROLADA, PRODUCCION_ABIERTA;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public boolean isAtLeast(DeploymentLevel other) {
        return compareTo(other) >= 0;
    }

    public static Optional<DeploymentLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wire = WireNames.normalize(text);
        for (DeploymentLevel candidate : values()) {
            if (candidate.wireName.equals(wire)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

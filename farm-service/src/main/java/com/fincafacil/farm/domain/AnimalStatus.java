package com.fincafacil.farm.domain;

import java.util.Locale;
import java.util.Optional;

/** Where an animal is in its life on the finca; only {@link #ACTIVO} animals take new events. */
public enum AnimalStatus {
    ACTIVO, VENDIDO, MUERTO;

    public static final AnimalStatus DEFAULT = ACTIVO;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<AnimalStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wire = WireNames.normalize(text);
        for (AnimalStatus candidate : values()) {
            if (candidate.wireName.equals(wire)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

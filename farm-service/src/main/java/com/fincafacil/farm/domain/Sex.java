package com.fincafacil.farm.domain;

import java.util.Locale;
import java.util.Optional;

/** The sex of an animal. */
public enum Sex {
    MACHO, HEMBRA;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<Sex> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wire = WireNames.normalize(text);
        for (Sex candidate : values()) {
            if (candidate.wireName.equals(wire)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

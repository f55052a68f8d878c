package com.fincafacil.farm.domain;

import java.util.Locale;
import java.util.Optional;

/** The species of an animal; a finca is mostly cattle, so {@link #BOVINO} is the default. */
public enum Species {
    BOVINO, BUFALINO, OVINO, CAPRINO, EQUINO;

    public static final Species DEFAULT = BOVINO;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<Species> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wire = WireNames.normalize(text);
        for (Species candidate : values()) {
            if (candidate.wireName.equals(wire)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

package com.fincafacil.flags.domain;

import java.util.regex.Pattern;

/** Flag keys are upper-case identifiers, as in the seed file (FASE_8_DATA_QUALITY, ALERTA_BAJA). */
public final class FlagKeys {

    public static final Pattern PATTERN = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    /** What flags-service stores a key in (VARCHAR(100)). */
    public static final int MAX_LENGTH = 100;

    private FlagKeys() {
    }

    public static boolean isValid(String key) {
        return key != null && key.length() <= MAX_LENGTH && PATTERN.matcher(key).matches();
    }

    static String requireValid(String key) {
        if (!isValid(key)) {
            throw new IllegalArgumentException("flag key must match " + PATTERN.pattern() + ": " + key);
        }
        return key;
    }
}

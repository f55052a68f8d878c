package com.fincafacil.farm.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How the Spanish wire names of the domain enums are compared. */
final class WireNames {

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    private WireNames() {
    }

    /** Trimmed, lower-case, without accents: farmers type "Búfalino" or "PRODUCCIÓN_ABIERTA" too. */
    static String normalize(String text) {
        String trimmed = text.trim();
        if (isAscii(trimmed)) {
            return trimmed.toLowerCase(Locale.ROOT); // the usual case, kept cheap for 100,000-row imports
        }
        return ACCENTS.matcher(Normalizer.normalize(trimmed, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}

package com.fincafacil.farm.domain;

import com.fincafacil.flags.domain.DeploymentLevel;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How the Spanish wire names of the domain enums are compared. */
public final class WireNames {

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    private WireNames() {
    }

    /**
     * A finca's deployment level as an operator may type it ("Producción_Abierta"); the level
     * itself is the one type every module shares (flags-core's, which reads the flag file strictly).
     */
    public static Optional<DeploymentLevel> deploymentLevel(String text) {
        return text == null ? Optional.empty() : DeploymentLevel.parse(normalize(text));
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

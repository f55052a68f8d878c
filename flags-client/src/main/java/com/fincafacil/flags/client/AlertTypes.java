package com.fincafacil.flags.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which ALERTAS flag governs an alert type. Types are ordered BAJA &lt; MEDIA &lt; ALTA &lt; CRITICA;
 * a type without a flag of its own (the seed has no ALERTA_ALTA) follows the nearest lower type
 * that has one, so adding ALERTA_ALTA later needs no code change.
 */
final class AlertTypes {

    static final String PREFIX = "ALERTA_";
    private static final List<String> ORDER = List.of("BAJA", "MEDIA", "ALTA", "CRITICA");

    private AlertTypes() {
    }

    /** The flag keys to try, the type's own first, then each lower type down to BAJA. */
    static List<String> candidateKeys(String alertType) {
        if (alertType == null || alertType.isBlank()) {
            return List.of();
        }
        String type = alertType.trim().toUpperCase(Locale.ROOT);
        int position = ORDER.indexOf(type);
        if (position < 0) {
            return List.of(PREFIX + type); // not a known type: only its own flag can govern it
        }
        List<String> keys = new ArrayList<>();
        for (int i = position; i >= 0; i--) {
            keys.add(PREFIX + ORDER.get(i));
        }
        return keys;
    }
}

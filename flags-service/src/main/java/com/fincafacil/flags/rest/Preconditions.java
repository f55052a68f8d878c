package com.fincafacil.flags.rest;

import com.fincafacil.commons.refusal.Refusal;

/** Reads If-Match: the flag version the caller last read, required for every change but the kill switch. */
final class Preconditions {

    private Preconditions() {
    }

    static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Refusal.of(Refusal.Kind.PRECONDITION_REQUIRED, "If-Match", "precondition_required");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("If-Match", "invalid_value");
        }
    }
}

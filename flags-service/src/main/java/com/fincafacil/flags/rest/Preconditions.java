package com.fincafacil.flags.rest;

import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.rest.ProblemException;

/** Reads If-Match: the flag version the caller last read, required for every change but the kill switch. */
final class Preconditions {

    private Preconditions() {
    }

    static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.ofField(428, "Precondition required", "If-Match",
                    "Send If-Match with the flag's ETag (its version) so a concurrent change is not overwritten."));
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badField("If-Match", "If-Match must be the flag's ETag, such as \"3\".");
        }
    }
}

package com.fincafacil.flags.rest;

import jakarta.ws.rs.core.MediaType;

/** Content negotiation for a route that only answers JSON: does the caller's Accept allow it? */
final class OfrepAccept {

    private OfrepAccept() {
    }

    /** True without an Accept header, or when one of its ranges covers application/json. */
    static boolean takesJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            try {
                if (MediaType.valueOf(range.trim()).isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // an unreadable range offers nothing; the others may still take JSON
            }
        }
        return false;
    }
}

package com.fincafacil.flags.client;

import java.time.Instant;

/**
 * What a readiness check or an operator needs to know about the client.
 *
 * @param mode           "live", or "degraded" from the first failed call to flags-service until the next success
 * @param lastSuccess    when flags-service last answered (200 or 304); null if it never has
 * @param lastError      the last failure, in words; null if there was none
 * @param cachedContexts how many contexts have answers kept (fresh or usable as last known)
 */
public record FlagsClientStatus(String mode, Instant lastSuccess, String lastError, int cachedContexts) {

    public static final String LIVE = "live";
    public static final String DEGRADED = "degraded";

    public boolean degraded() {
        return DEGRADED.equals(mode);
    }
}

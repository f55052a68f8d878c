package com.fincafacil.flags.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether flags-service is answering. Degraded from the first failure until the next success; for
 * retryAfterFailure after a failure nobody calls it, so a dead service costs each request nothing
 * instead of a timeout. Once that time is up, one caller probes it while the others keep using
 * the fallback (a half-open circuit breaker).
 */
final class ConnectionState {

    private final Clock clock;
    private final long retryAfterMillis;
    private boolean degraded;
    private long retryAtMillis;
    private Instant lastSuccess;
    private String lastError;

    ConnectionState(Clock clock, Duration retryAfterFailure) {
        this.clock = clock;
        this.retryAfterMillis = retryAfterFailure.toMillis();
    }

    /** True when this caller may ask flags-service now; a true while degraded claims the one probe. */
    synchronized boolean tryAcquireCall() {
        if (!degraded) {
            return true;
        }
        long now = clock.millis();
        if (now < retryAtMillis) {
            return false;
        }
        retryAtMillis = now + retryAfterMillis;
        return true;
    }

    synchronized void succeeded() {
        degraded = false;
        lastSuccess = clock.instant();
    }

    synchronized void failed(String error) {
        degraded = true;
        lastError = error;
        retryAtMillis = clock.millis() + retryAfterMillis;
    }

    synchronized FlagsClientStatus status(int cachedContexts) {
        return new FlagsClientStatus(degraded ? FlagsClientStatus.DEGRADED : FlagsClientStatus.LIVE,
                lastSuccess, lastError, cachedContexts);
    }
}

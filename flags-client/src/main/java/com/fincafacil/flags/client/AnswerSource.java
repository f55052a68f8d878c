package com.fincafacil.flags.client;

/** Where an answer came from; anything but LIVE and CACHED means flags-service was not reachable. */
public enum AnswerSource {
    /**
     * Decided in this call: flags-service evaluated it, or the context was refused here exactly as
     * flags-service would refuse it (reason ERROR, rule invalid_context), which is no sign of degradation.
     */
    LIVE,
    /** Reused without asking (younger than max-age), or confirmed unchanged by a 304. */
    CACHED,
    /** flags-service is unreachable: the last answer it gave for this same context. */
    LAST_KNOWN,
    /** flags-service is unreachable and this context was never answered: the flag file's defaults. */
    FILE_DEFAULT
}

package com.fincafacil.flags.domain;

import java.time.Instant;

/** A flag {@link StalePolicy} suggests removing, with what to do about it. */
public record StaleFlag(String key, int porcentajeRollout, Instant lastChangedAt, long daysUnchanged,
                        String advice) {
}

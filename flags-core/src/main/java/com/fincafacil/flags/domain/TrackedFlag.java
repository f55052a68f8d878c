package com.fincafacil.flags.domain;

import java.time.Instant;
import java.util.Objects;

/** A phase flag and when it last changed (from the audit log), the input of {@link StalePolicy}. */
public record TrackedFlag(PhaseFlag flag, Instant lastChangedAt) {

    public TrackedFlag {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(lastChangedAt, "lastChangedAt");
    }
}

package com.fincafacil.incident.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a post-mortem is due (the seed: 24 h after a failed or rolled-back deployment, 48 h after
 * a hotfix), counted from the incident's opening. Both periods are settings.
 */
public record PostmortemPolicy(Duration afterFailure, Duration afterHotfix) {

    public Instant dueAt(IncidentTrigger trigger, Instant openedAt) {
        return openedAt.plus(trigger == IncidentTrigger.HOTFIX ? afterHotfix : afterFailure);
    }

    /** Overdue: due before {@code now} and not written yet. */
    public static boolean overdue(Instant due, boolean written, Instant now) {
        return !written && due.isBefore(now);
    }
}

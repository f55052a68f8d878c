package com.fincafacil.farm.domain.sync;

import com.fincafacil.farm.domain.DateRules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** The rules of an offline batch that do not depend on what it writes. */
public final class SyncRules {

    /** Operations in one batch: a day offline on a busy finca is a few hundred. */
    public static final int MAX_OPERATIONS = 500;
    /** How far ahead of the server a phone's clock may be before its times are not believed. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private SyncRules() {
    }

    /** A time recorded "in the future" means the phone's clock is wrong, so its dates are too. */
    public static boolean recordedInFuture(Instant recordedAt, Instant now) {
        return recordedAt.isAfter(now.plus(CLOCK_SKEW));
    }

    /** The date a farmer means for an event recorded at {@code recordedAt}: that day in Bogotá. */
    public static LocalDate eventDate(Instant recordedAt) {
        return recordedAt.atZone(DateRules.FARM_ZONE).toLocalDate();
    }
}

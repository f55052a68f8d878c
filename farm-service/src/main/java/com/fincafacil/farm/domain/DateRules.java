package com.fincafacil.farm.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Date rules for recorded events. Domain code never reads the system clock: "today" is passed in. */
public final class DateRules {

    /** Fincas are in Colombia: an event entered at 8 pm in Bogotá is already tomorrow in UTC. */
    public static final ZoneId FARM_ZONE = ZoneId.of("America/Bogota");

    private DateRules() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(FARM_ZONE));
    }

    /** Returns the date when it is today or earlier; a farm event cannot happen in the future. */
    public static LocalDate requireNotInFuture(String field, LocalDate date, LocalDate today) {
        if (date == null) {
            throw new InvalidValueException(field, "is required");
        }
        if (date.isAfter(today)) {
            throw new InvalidValueException(field, "date_in_future", "cannot be in the future (today is " + today + ")", "today", today);
        }
        return date;
    }

    /** Returns the date when it is not before {@code earliest} (e.g. an event before the animal was born). */
    public static LocalDate requireNotBefore(String field, LocalDate date, LocalDate earliest, String what) {
        if (earliest != null && date.isBefore(earliest)) {
            throw new InvalidValueException(field, "date_too_early", "cannot be before " + what + " (" + earliest + ")", "earliest", earliest);
        }
        return date;
    }

    /**
     * A calf is born after its dam: the same day or earlier means one of the two dates is wrong.
     * Unknown dates (null) cannot contradict each other.
     */
    public static boolean bornAfterDam(LocalDate calf, LocalDate dam) {
        return calf == null || dam == null || calf.isAfter(dam);
    }
}

package com.fincafacil.farm.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DateRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void date_in_the_future_is_refused_naming_the_field() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> DateRules.requireNotInFuture("date", TODAY.plusDays(1), TODAY));
        assertEquals("date", e.field());
    }

    @Test
    void today_and_past_dates_are_accepted() {
        assertEquals(TODAY, DateRules.requireNotInFuture("date", TODAY, TODAY));
        assertEquals(TODAY.minusYears(5), DateRules.requireNotInFuture("date", TODAY.minusYears(5), TODAY));
    }

    @Test
    void event_before_birth_is_refused() {
        assertThrows(InvalidValueException.class,
                () -> DateRules.requireNotBefore("date", TODAY.minusDays(1), TODAY, "the birth date"));
        assertEquals(TODAY, DateRules.requireNotBefore("date", TODAY, null, "the birth date"));
    }

    @Test
    void today_is_the_date_in_bogota_not_in_utc() {
        // 03:00 UTC on 16 March is still 22:00 on 15 March in Bogotá (UTC-5)
        Clock clock = Clock.fixed(Instant.parse("2026-03-16T03:00:00Z"), ZoneOffset.UTC);
        assertEquals(TODAY, DateRules.today(clock));
    }
}

package com.fincafacil.incident.domain;

import com.fincafacil.incident.domain.report.SpanishText;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seed's ways of writing dates, durations and figures. */
class ReportTextTest {

    @Test
    void dates_are_written_in_bogota_with_the_seeds_spanish_months_and_a_12_hour_clock() {
        assertEquals("28 dic 2024, 02:15 AM", SpanishText.dateTime(Instant.parse("2024-12-28T07:15:00Z"), SpanishText.BOGOTA));
        // 00:30 UTC on the 1st is still the previous evening in Bogotá (UTC-5)
        assertEquals("30 sep 2026, 07:30 PM", SpanishText.dateTime(Instant.parse("2026-10-01T00:30:00Z"), SpanishText.BOGOTA));
        assertEquals("1 ene 2027, 12:05 PM", SpanishText.dateTime(Instant.parse("2027-01-01T17:05:00Z"), SpanishText.BOGOTA));
        assertEquals("5 ago 2026", SpanishText.date(LocalDate.of(2026, 8, 5)));
    }

    @Test
    void durations_round_to_whole_minutes() {
        assertEquals("8 minutos", SpanishText.minutes(Duration.ofMinutes(8).plusSeconds(29)));
        assertEquals("9 minutos", SpanishText.minutes(Duration.ofMinutes(8).plusSeconds(30)));
        assertEquals("1 minuto", SpanishText.minutes(Duration.ofSeconds(45)));
        assertEquals("menos de 1 minuto", SpanishText.minutes(Duration.ofSeconds(29)));
    }

    @Test
    void figures_lose_trailing_zeros_and_keep_at_most_two_decimals() {
        assertEquals("0.2", SpanishText.number(0.2));
        assertEquals("320", SpanishText.number(320.0));
        assertEquals("1.23", SpanishText.number(1.234));
        assertEquals("90", SpanishText.seconds(90_000));
        assertEquals("1.4", SpanishText.seconds(1_400));
    }
}

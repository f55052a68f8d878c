package com.fincafacil.incident.rest;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.flags.domain.SemVer;
import com.fincafacil.incident.service.Refusals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads a period bound given as an ISO date (that day's start in the report's zone) or date-time. */
final class Periods {

    private Periods() {
    }

    static OffsetDateTime bound(String field, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.contains("T") ? OffsetDateTime.parse(text) : LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "invalid_format", Refusal.VARIANT, "period_bound");
        }
    }

    static void ordered(OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw Refusal.invalid("to", "period_reversed");
        }
    }

    static String version(String field, String text) {
        if (text != null && SemVer.parse(text).isEmpty()) {
            throw Refusal.invalid(field, "invalid_version", "version", Refusals.printable(text));
        }
        return text;
    }
}

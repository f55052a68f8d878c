package com.fincafacil.incident.rest;

import com.fincafacil.commons.rest.ProblemException;

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
            throw ProblemException.badField(field, "invalid_format", field + " must be an ISO date (2026-12-06) or date-time (2026-12-06T02:00:00-05:00).");
        }
    }

    static void ordered(OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badField("to", "period_reversed", "to must be after from.");
        }
    }

    static String version(String field, String text) {
        if (text != null && !SemanticVersion.Check.isSemver(text)) {
            throw ProblemException.badField(field, "invalid_version", "'" + text.replace('\0', ' ') + "' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.3).");
        }
        return text;
    }
}

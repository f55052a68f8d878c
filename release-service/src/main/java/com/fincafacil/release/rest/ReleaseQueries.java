package com.fincafacil.release.rest;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.release.domain.ReleaseState;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** How a search for releases reads its state and period, for the API and the console alike. */
public final class ReleaseQueries {

    private ReleaseQueries() {
    }

    public static ReleaseState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(ReleaseState.values()).filter(s -> s.name().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> Refusal.invalid("state", "unknown_state", "allowed", Arrays.toString(ReleaseState.values()),
                        "detail", "state must be one of " + Arrays.toString(ReleaseState.values()) + "."));
    }

    public static OffsetDateTime instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "invalid_period_bound",
                    "detail", field + " must be an ISO date (2026-12-06) or date-time (2026-12-06T02:00:00-05:00).");
        }
    }
}

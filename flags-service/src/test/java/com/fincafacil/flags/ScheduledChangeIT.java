package com.fincafacil.flags;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static com.fincafacil.flags.FlagApi.as;
import static com.fincafacil.flags.FlagApi.createPhase;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ScheduledChangeIT {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    @Test
    void a_change_scheduled_for_a_time_is_applied_then_and_audited() throws Exception {
        createPhase("FASE_SCHEDULED", 10);
        String at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1).toString();
        as("operator").body("{\"flag\":\"FASE_SCHEDULED\",\"porcentaje_rollout\":50,\"at\":\"" + at + "\",\"reason\":\"raise to 50 %\"}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(201).body("status", equalTo("PENDING"));
        long deadline = System.currentTimeMillis() + 15_000;
        int percentage = 10;
        while (System.currentTimeMillis() < deadline && percentage != 50) {
            Thread.sleep(250);
            percentage = as("viewer").when().get("/api/v1/flags/FASE_SCHEDULED").then().extract().path("definition.porcentaje_rollout");
        }
        assertEquals(50, percentage);
        as("viewer").queryParam("flag", "FASE_SCHEDULED").when().get("/api/v1/audit").then()
                .body("[0].action", equalTo("scheduled")).body("[0].actor", equalTo("scheduler (for test-operator)"));
    }

    @Test
    void a_change_for_the_next_window_lands_on_the_coming_sunday_at_2_in_bogota() {
        createPhase("FASE_WINDOW", 10);
        Instant before = Instant.now();
        String applyAt = as("operator").body("{\"flag\":\"FASE_WINDOW\",\"porcentaje_rollout\":50,\"in_next_window\":true,\"reason\":\"next window\"}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(201).extract().path("applyAt");
        Instant after = Instant.now();
        Instant applied = OffsetDateTime.parse(applyAt).toInstant();
        if (insideWindow(before) && insideWindow(after)) {
            // the window is open: the change is due at once, not a week later
            assertTrue(!applied.isBefore(before.minusSeconds(1)) && !applied.isAfter(after.plusSeconds(1)), "apply at " + applied);
        } else {
            // not a Sunday of another week, not 03:00: the first Sunday 02:00 in Bogotá after the request
            assertEquals(firstSundayTwoAmAfter(before), applied, "apply at " + applied.atZone(BOGOTA));
        }
    }

    private static boolean insideWindow(Instant instant) {
        ZonedDateTime local = instant.atZone(BOGOTA);
        return local.getDayOfWeek() == DayOfWeek.SUNDAY && local.getHour() >= 2 && local.getHour() < 4;
    }

    /** Walks day by day, independently of the service's window code. */
    private static Instant firstSundayTwoAmAfter(Instant instant) {
        LocalDate day = instant.atZone(BOGOTA).toLocalDate();
        for (int i = 0; i <= 7; i++) {
            Instant candidate = day.plusDays(i).atTime(2, 0).atZone(BOGOTA).toInstant();
            if (day.plusDays(i).getDayOfWeek() == DayOfWeek.SUNDAY && candidate.isAfter(instant)) {
                return candidate;
            }
        }
        throw new AssertionError("no Sunday within a week of " + instant);
    }

    @Test
    void a_schedule_in_the_past_or_without_a_time_is_refused() {
        createPhase("FASE_WHEN", 10);
        as("operator").body("{\"flag\":\"FASE_WHEN\",\"porcentaje_rollout\":50,\"at\":\"2020-01-01T00:00:00Z\",\"reason\":\"x\"}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(422).body("field", equalTo("at"))
                .body("code", equalTo("at_in_past")).body("detail", equalTo("'at' is in the past."));
        as("operator").body("{\"flag\":\"FASE_WHEN\",\"porcentaje_rollout\":50,\"reason\":\"x\"}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(400).body("field", equalTo("at"));
        // no time, a percentage out of range and no reason: one answer names all three
        as("operator").body("{\"flag\":\"FASE_WHEN\",\"porcentaje_rollout\":150}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("at", "porcentaje_rollout", "reason"))
                .body("errors.find { it.field == 'porcentaje_rollout' }.message", equalTo("porcentaje_rollout must be between 0 and 100."));
    }

    @Test
    void a_pending_change_can_be_cancelled() {
        createPhase("FASE_CANCEL", 10);
        String id = as("operator").body("{\"flag\":\"FASE_CANCEL\",\"porcentaje_rollout\":50,\"in_next_window\":true,\"reason\":\"x\"}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(201).extract().path("id");
        as("operator").when().delete("/api/v1/scheduled-changes/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("operator").header("Accept-Language", "es").when().delete("/api/v1/scheduled-changes/" + id).then().statusCode(409)
                .body("code", equalTo("scheduled_change_not_pending")).body("detail", equalTo("Este cambio ya está en CANCELLED."));
    }
}

package com.fincafacil.flags;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
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
    void a_change_for_the_next_window_lands_on_sunday_at_2_in_bogota() {
        createPhase("FASE_WINDOW", 10);
        String applyAt = as("operator").body("{\"flag\":\"FASE_WINDOW\",\"porcentaje_rollout\":50,\"in_next_window\":true,\"reason\":\"next window\"}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(201).extract().path("applyAt");
        ZonedDateTime local = OffsetDateTime.parse(applyAt).atZoneSameInstant(ZoneId.of("America/Bogota"));
        boolean insideNow = local.getDayOfWeek() == DayOfWeek.SUNDAY && local.getHour() >= 2 && local.getHour() < 4;
        assertTrue(insideNow || (local.getDayOfWeek() == DayOfWeek.SUNDAY && local.getHour() == 2 && local.getMinute() == 0),
                "apply at " + local);
    }

    @Test
    void a_schedule_in_the_past_or_without_a_time_is_refused() {
        createPhase("FASE_WHEN", 10);
        as("operator").body("{\"flag\":\"FASE_WHEN\",\"porcentaje_rollout\":50,\"at\":\"2020-01-01T00:00:00Z\",\"reason\":\"x\"}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(422).body("field", equalTo("at"));
        as("operator").body("{\"flag\":\"FASE_WHEN\",\"porcentaje_rollout\":50,\"reason\":\"x\"}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(400).body("field", equalTo("at"));
    }

    @Test
    void a_pending_change_can_be_cancelled() {
        createPhase("FASE_CANCEL", 10);
        String id = as("operator").body("{\"flag\":\"FASE_CANCEL\",\"porcentaje_rollout\":50,\"in_next_window\":true,\"reason\":\"x\"}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(201).extract().path("id");
        as("operator").when().delete("/api/v1/scheduled-changes/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("operator").when().delete("/api/v1/scheduled-changes/" + id).then().statusCode(409);
    }
}

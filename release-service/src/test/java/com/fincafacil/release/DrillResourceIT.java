package com.fincafacil.release;

import com.fincafacil.release.domain.Gate;
import com.fincafacil.release.service.Drills;
import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Go-live drills recorded and read through the API, and the release gate that reads the latest. */
@QuarkusTest
class DrillResourceIT {

    @Inject
    Drills drills;

    private static ValidatableResponse record(String role, String body) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/drills").then();
    }

    private static String drill(String version, boolean passed, String failures) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return "{\"version\":\"" + version + "\",\"fault\":\"error-rate\",\"passed\":" + passed + ",\"startedAt\":\"" + now.minusMinutes(4)
                + "\",\"finishedAt\":\"" + now + "\",\"report\":{\"rollbackMs\":1406,\"lostWrites\":0" + (failures == null ? "" : ",\"failures\":\"" + failures + "\"") + "}}";
    }

    @Test
    void a_recorded_drill_is_listed_newest_first_and_the_gate_reads_the_latest() {
        var created = record("operator", drill("1.0.1-drill.1", true, null)).statusCode(201).extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/drills/" + id), created.header("Location"));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/drills/" + id).then().statusCode(200)
                .body("passed", equalTo(true)).body("recordedBy", equalTo("test-operator")).body("report.rollbackMs", equalTo(1406));
        Gate passed = drills.gate();
        assertEquals(Gate.Status.PASSED, passed.status(), passed.detail());
        assertTrue(passed.detail().contains("1406 ms"), passed.detail());

        record("operator", drill("1.0.1-drill.2", false, "3 writes lost")).statusCode(201);
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/drills").then().statusCode(200)
                .body("[0].version", equalTo("1.0.1-drill.2")).body("[1].version", equalTo("1.0.1-drill.1"));
        Gate failed = drills.gate();
        assertEquals(Gate.Status.FAILED, failed.status());
        assertTrue(failed.detail().contains("3 writes lost"), failed.detail());
        // a release's gate reads the same, except the drill's own release: the next drill clears the gate
        com.fincafacil.release.repository.ReleaseEntity release = new com.fincafacil.release.repository.ReleaseEntity();
        assertEquals(Gate.Status.FAILED, drills.gate(release).status());
        release.drill = true;
        assertEquals(Gate.Status.PASSED, drills.gate(release).status(), drills.gate(release).detail());
        record("operator", drill("1.0.1-drill.3", true, null)).statusCode(201);
        assertEquals(Gate.Status.PASSED, drills.gate().status(), "a drill that passes again clears the gate");
    }

    @Test
    void bad_drills_are_refused_naming_the_field_and_viewers_cannot_record() {
        record("viewer", drill("1.0.1-drill.9", true, null)).statusCode(403);
        record("operator", drill("1.0.1-drill.9", true, null).replace("error-rate", "meteor")).statusCode(400)
                .body("errors[0].field", containsString("fault"));
        record("operator", drill("1.0.1-drill.9", true, null).replace("\"passed\":true,", "")).statusCode(400)
                .body("errors[0].field", containsString("passed"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        record("operator", "{\"version\":\"1\",\"fault\":\"freeze\",\"passed\":true,\"startedAt\":\"" + now + "\",\"finishedAt\":\""
                + now.minusMinutes(1) + "\",\"report\":{}}").statusCode(400).body("field", equalTo("finishedAt"))
                .body("code", equalTo("invalid_value")).body("detail", equalTo("finishedAt must not be before startedAt."));
        java.util.UUID unknown = java.util.UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer("viewer")).header("Accept-Language", "es").when().get("/api/v1/drills/" + unknown)
                .then().statusCode(404).body("code", equalTo("drill_not_found")).body("detail", equalTo("No existe el simulacro " + unknown + "."));
    }
}

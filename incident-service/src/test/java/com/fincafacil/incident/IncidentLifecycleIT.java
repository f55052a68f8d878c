package com.fincafacil.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.testing.KafkaProbe;
import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.fincafacil.incident.FixtureRelease.figures;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IncidentLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    @Inject
    TestClock clock;

    @Test
    void release_events_open_incidents_with_a_severity_by_trigger() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        FixtureRelease beforeSwitch = new FixtureRelease("71.0.0", "minor").note("started", t, "started", null)
                .to("FAILED", t.plusSeconds(20), figures("failedStep", "CHECKED", "trafficMoved", false, "gates", figures("backup", "FAILED", "changelog", "PASSED")));
        FixtureRelease afterSwitch = new FixtureRelease("71.0.1", "patch").note("started", t, "started", null)
                .to("SWITCHED", t.plusSeconds(60), null)
                .to("FAILED", t.plusSeconds(90), figures("failedStep", "MONITORING", "trafficMoved", true));
        FixtureRelease shared = new FixtureRelease("71.0.2", "patch").note("started", t, "started", null)
                .to("SWITCHED", t.plusSeconds(60), null).to("MONITORING", t.plusSeconds(61), null)
                .note("analysis_inconclusive", t.plusSeconds(80), "checks fail on the previous slot blue too (a shared outage?)", null);
        for (FixtureRelease r : List.of(beforeSwitch, afterSwitch, shared)) {
            r.publishAll();
        }
        String viewer = TestTokens.bearer("viewer");
        Await.until("three incidents", Duration.ofSeconds(30), () -> Db.count(db,
                "SELECT count(*) FROM incidents WHERE release_version IN ('71.0.0', '71.0.1', '71.0.2')") == 3);
        given().header("Authorization", viewer).queryParam("severity", "SEV3").when().get("/api/v1/incidents").then().statusCode(200)
                .body("find { it.releaseVersion == '71.0.0' }.trigger", equalTo("FAILED_RELEASE"))
                .body("find { it.releaseVersion == '71.0.0' }.title", equalTo("Despliegue v71.0.0 fallido antes del cambio de tráfico"));
        given().header("Authorization", viewer).queryParam("severity", "SEV2").when().get("/api/v1/incidents").then().statusCode(200)
                .body("find { it.releaseVersion == '71.0.1' }.trigger", equalTo("FAILED_RELEASE"));
        String sharedId = given().header("Authorization", viewer).queryParam("severity", "sev1").when().get("/api/v1/incidents").then()
                .statusCode(200).body("find { it.releaseVersion == '71.0.2' }.trigger", equalTo("SHARED_OUTAGE"))
                .extract().path("find { it.releaseVersion == '71.0.2' }.id");
        // the timeline holds the incident's own entries and its release's events, in time order
        given().header("Authorization", viewer).when().get("/api/v1/incidents/" + sharedId).then().statusCode(200)
                .body("timeline.kind", equalTo(List.of("release.started", "release.switched", "release.monitoring",
                        "opened", "release.analysis_inconclusive")))
                .body("timeline.source", hasItems("incident", "release"))
                .body("postmortemWritten", equalTo(false));
        given().header("Authorization", viewer).when().get("/api/v1/reports/71.0.0").then()
                .body("issues", hasItem("Gate fallido: backup")).body("issues", not(hasItem("Gate fallido: changelog")));
    }

    @Test
    void an_incident_is_acknowledged_then_resolved_once_with_its_time_to_restore() throws Exception {
        String operator = TestTokens.bearer("operator");
        Instant opened = Instant.parse("2026-05-10T08:00:00Z");
        clock.pin(opened);
        try {
            String id = given().header("Authorization", operator).contentType(ContentType.JSON)
                    .body("{\"title\":\"Pesajes lentos\",\"severity\":\"SEV3\",\"releaseVersion\":\"1.4.0-rc.1\"}")
                    .when().post("/api/v1/incidents").then().statusCode(201)
                    .body("status", equalTo("OPEN")).body("trigger", equalTo("MANUAL"))
                    .body("postmortemDue", equalTo("2026-05-11T08:00:00Z"))
                    .extract().path("id");
            clock.pin(opened.plus(Duration.ofMinutes(3)));
            given().header("Authorization", operator).when().post("/api/v1/incidents/" + id + "/acknowledge").then().statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("test-operator"))
                    .body("timeToRestoreSeconds", nullValue());
            given().header("Authorization", operator).when().post("/api/v1/incidents/" + id + "/acknowledge").then().statusCode(409);
            clock.pin(opened.plus(Duration.ofMinutes(12)));
            given().header("Authorization", operator).contentType(ContentType.JSON).body("{\"resolution\":\"índice recreado\"}")
                    .when().post("/api/v1/incidents/" + id + "/resolve").then().statusCode(200)
                    .body("status", equalTo("RESOLVED")).body("timeToRestoreSeconds", equalTo(720));
            given().header("Authorization", operator).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/incidents/" + id + "/resolve").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("already resolved"))
                    .body("code", org.hamcrest.Matchers.equalTo("incident_already_resolved"));
            given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/incidents/" + id).then().statusCode(200)
                    .body("timeline.kind", equalTo(List.of("opened", "acknowledged", "resolved")));

            List<ConsumerRecord<String, String>> published = KafkaProbe.awaitRecords(Topics.INCIDENT_EVENTS, r -> id.equals(r.key()), 3,
                    Duration.ofSeconds(20));
            List<String> types = published.stream().map(r -> read(r.value()).get("type").asText()).toList();
            assertEquals(List.of("incident.opened", "incident.acknowledged", "incident.resolved"), types);
            assertEquals(720, read(published.get(2).value()).get("data").get("timeToRestoreSeconds").asLong());
        } finally {
            clock.release();
        }
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_changes_nothing() {
        String operator = TestTokens.bearer("operator");
        long before = Db.count(db, "SELECT count(*) FROM incidents");
        given().header("Authorization", operator).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"severity\":\"SEV3\",\"releaseVersion\":\"1.2.3-\"}")
                .when().post("/api/v1/incidents").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("releaseVersion"));
        given().header("Authorization", operator).contentType(ContentType.JSON)
                .body("{\"title\":\"caída\\u0000total\",\"severity\":\"SEV3\"}")
                .when().post("/api/v1/incidents").then().statusCode(400).body("field", equalTo("title"))
                .body("detail", not(containsString("Exception")));
        given().header("Authorization", operator).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"severity\":\"SEV3\",\"releaseVersion\":\"1.2.3\\u0000\"}")
                .when().post("/api/v1/incidents").then().statusCode(400).body("field", equalTo("releaseVersion"));
        assertEquals(before, Db.count(db, "SELECT count(*) FROM incidents"));
        given().header("Authorization", operator).queryParam("severity", "HUGE").when().get("/api/v1/incidents").then()
                .statusCode(400).body("field", equalTo("severity"));
        given().header("Authorization", operator).queryParam("status", "GONE").when().get("/api/v1/incidents").then()
                .statusCode(400).body("field", equalTo("status"));
        given().header("Authorization", operator).when().get("/api/v1/incidents/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", operator).contentType(ContentType.JSON).body("{}").when().post("/api/v1/incidents/not-an-id/resolve").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("viewer")).when().post("/api/v1/incidents/" + java.util.UUID.randomUUID()
                + "/acknowledge").then().statusCode(403);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.fincafacil.incident;

import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static com.fincafacil.incident.FixtureRelease.figures;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DeploymentReportIT {

    @Inject
    DataSource db;

    /** The seed's own example deployment, published shuffled and partly twice, gives the seed's text line for line. */
    @Test
    void seed_release_report_matches_the_expected_text_line_for_line() throws IOException {
        // three earlier releases whose migrations took 25, 30 and 35 s: the usual migration is 30 s
        long[] usual = {25_000, 30_000, 35_000};
        for (int i = 0; i < usual.length; i++) {
            Instant t = Instant.parse("2024-12-0" + (i + 1) + "T07:00:00Z");
            FixtureRelease earlier = new FixtureRelease("0.9." + (i + 1), "patch")
                    .note("started", t, "started", null)
                    .to("MIGRATED", t.plusSeconds(60), figures("stepMs", usual[i]))
                    .to("COMPLETED", t.plusSeconds(300), null);
            earlier.publishAll();
            awaitApplied(earlier);
        }
        FixtureRelease r = seedRelease();
        List<String> shuffled = new ArrayList<>(r.events);
        Collections.shuffle(shuffled, new Random(18));
        shuffled.addAll(r.events.subList(2, 5));
        r.publish(shuffled);
        awaitApplied(r);

        for (String action : List.of("Optimizar índice de alertas", "Monitorear migración en futuro")) {
            given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                    .body("{\"text\":\"" + action + "\"}")
                    .when().post("/api/v1/reports/1.0.1/actions").then().statusCode(201);
        }

        String text = given().header("Authorization", TestTokens.bearer("viewer"))
                .when().get("/api/v1/reports/1.0.1/text").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        List<String> expected = expected("/reports/v1.0.1.txt");
        assertEquals(expected, text.lines().toList());
        Path file = ReportDirectoryResource.directory.resolve("v1.0.1_" + r.id + ".txt");
        assertEquals(expected, Files.readAllLines(file, StandardCharsets.UTF_8));
        assertEquals(true, Files.exists(ReportDirectoryResource.directory.resolve("v1.0.1_" + r.id + ".json")));

        given().header("Authorization", TestTokens.bearer("viewer"))
                .when().get("/api/v1/reports/1.0.1").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("estado", equalTo("EXITOSO"))
                .body("fecha", equalTo("28 dic 2024, 02:15 AM")).body("durationSeconds", equalTo(480))
                .body("metricsBefore.p99Ms", equalTo(610.0f)).body("approvedBy", equalTo("Ana Gómez"));
    }

    @Test
    void reports_are_listed_by_version_status_and_period() {
        Instant t = Instant.parse("2026-03-01T07:00:00Z");
        FixtureRelease ok = new FixtureRelease("51.0.0", "minor").note("started", t, "started", null).to("COMPLETED", t.plusSeconds(120), null);
        FixtureRelease bad = new FixtureRelease("51.0.1", "patch").note("started", t.plus(Duration.ofDays(10)), "started", null)
                .to("FAILED", t.plus(Duration.ofDays(10)).plusSeconds(30), figures("failedStep", "CHECKED", "trafficMoved", false));
        ok.publishAll();
        bad.publishAll();
        awaitApplied(ok);
        awaitApplied(bad);
        String viewer = TestTokens.bearer("viewer");
        given().header("Authorization", viewer).queryParam("version", "51.0.1")
                .when().get("/api/v1/reports").then().statusCode(200)
                .body("version", equalTo(List.of("51.0.1"))).body("estado", equalTo(List.of("FALLIDO")));
        given().header("Authorization", viewer).queryParam("status", "REVERTIDO").queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .when().get("/api/v1/reports").then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", viewer).queryParam("status", "failed").queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .when().get("/api/v1/reports").then().statusCode(200)
                .body("version", equalTo(List.of("51.0.1")));
        given().header("Authorization", viewer).queryParam("from", "2026-03-01").queryParam("to", "2026-03-05")
                .when().get("/api/v1/reports").then().statusCode(200)
                .body("version", equalTo(List.of("51.0.0"))).body("status", everyItem(equalTo("COMPLETED")));
    }

    @Test
    void bad_filters_and_unknown_versions_are_refused_naming_the_field() {
        String viewer = TestTokens.bearer("viewer");
        given().header("Authorization", viewer).queryParam("status", "MAYBE").when().get("/api/v1/reports")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("status"));
        given().header("Authorization", viewer).queryParam("from", "yesterday").when().get("/api/v1/reports")
                .then().statusCode(400).body("field", equalTo("from"));
        given().header("Authorization", viewer).queryParam("from", "2026-03-05").queryParam("to", "2026-03-01").when().get("/api/v1/reports")
                .then().statusCode(400).body("field", equalTo("to"));
        given().header("Authorization", viewer).when().get("/api/v1/reports/1.2.3-/text")
                .then().statusCode(400).body("field", equalTo("version"));
        given().header("Authorization", viewer).when().get("/api/v1/reports/99.99.99")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("viewer")).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/v1/reports/1.0.1/actions").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body("{\"text\":\"a\\u0000b\"}")
                .when().post("/api/v1/reports/99.99.98/actions").then().statusCode(400).body("field", equalTo("text"));
    }

    private static FixtureRelease seedRelease() {
        Instant merged = Instant.parse("2024-12-20T15:00:00Z");
        FixtureRelease r = new FixtureRelease("1.0.1", "minor")
                .change("FASE 8: Performance improvement +15%", merged)
                .change("FASE 14: Nuevo patrón de riesgo detectado", merged)
                .change("Bugfix: Validación de email", null);
        r.event("release.planned", "PLANNED", Instant.parse("2024-12-27T20:00:00Z"), "planner", "planned", figures("runningVersion", "1.0.0"));
        r.approvedBy("Ana Gómez");
        r.note("approved", Instant.parse("2024-12-27T21:00:00Z"), "approved", null)
                .note("started", Instant.parse("2024-12-28T07:15:00Z"), "started", null)
                .to("CHECKED", Instant.parse("2024-12-28T07:15:20Z"), null)
                .to("BACKED_UP", Instant.parse("2024-12-28T07:16:00Z"), null)
                .to("MIGRATED", Instant.parse("2024-12-28T07:17:30Z"),
                        figures("stepMs", 90_000, "issues", List.of("2 timeouts conexión DB (recuperados automáticamente)")))
                .to("DEPLOYED", Instant.parse("2024-12-28T07:18:30Z"), null)
                .to("VERIFIED", Instant.parse("2024-12-28T07:19:00Z"), figures("metrics", figures("errorRatePct", 0.2, "p50Ms", 320, "p99Ms", 610)))
                .to("SWITCHED", Instant.parse("2024-12-28T07:19:10Z"), null)
                .to("MONITORING", Instant.parse("2024-12-28T07:19:20Z"), null)
                .to("COMPLETED", Instant.parse("2024-12-28T07:23:00Z"), figures("metrics", figures("errorRatePct", 0.1, "p50Ms", 290, "p99Ms", 540)))
                .note("previous_slot_stopped", Instant.parse("2024-12-28T07:33:00Z"), "rollback window passed", null);
        return r;
    }

    private void awaitApplied(FixtureRelease r) {
        Await.until("events of " + r.version + " applied", Duration.ofSeconds(30),
                () -> Db.count(db, "SELECT count(*) FROM release_events WHERE release_id = ?", r.id) == r.events.size());
    }

    private static List<String> expected(String resource) throws IOException {
        try (InputStream in = DeploymentReportIT.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}

package com.fincafacil.incident;

import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.fincafacil.incident.FixtureRelease.figures;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * DORA over a fixture history in its own environment, with answers worked out by hand:
 * period 30 days before 2026-06-30T12:00Z.
 */
@QuarkusTest
class DoraIT {

    private static final String ENV = "dora-fixture";

    @Inject
    DataSource db;

    @Inject
    TestClock clock;

    @Test
    void the_four_keys_and_rollback_time_match_the_hand_computed_figures() {
        // A: completed; changes merged 2 d and 12 h before it
        FixtureRelease a = new FixtureRelease("91.0.0", "minor").environment(ENV)
                .change("a1", Instant.parse("2026-06-08T08:00:00Z")).change("a2", Instant.parse("2026-06-09T20:00:00Z"))
                .note("started", Instant.parse("2026-06-10T07:50:00Z"), "started", null)
                .to("SWITCHED", Instant.parse("2026-06-10T07:55:00Z"), null)
                .to("COMPLETED", Instant.parse("2026-06-10T08:00:00Z"), null);
        // B: completed; one change merged 7 d before, one without a merge time (not counted)
        FixtureRelease b = new FixtureRelease("91.1.0", "minor").environment(ENV)
                .change("b1", Instant.parse("2026-06-13T08:00:00Z")).change("b2", null)
                .note("started", Instant.parse("2026-06-20T07:50:00Z"), "started", null)
                .to("COMPLETED", Instant.parse("2026-06-20T08:00:00Z"), null);
        // C: rolled back in 2.5 s as release-service measured it
        FixtureRelease c = new FixtureRelease("91.1.1", "patch").environment(ENV)
                .note("started", Instant.parse("2026-06-25T07:00:00Z"), "started", null)
                .to("SWITCHED", Instant.parse("2026-06-25T07:10:00Z"), null)
                .to("ROLLING_BACK", Instant.parse("2026-06-25T07:20:00Z"), null)
                .to("ROLLED_BACK", Instant.parse("2026-06-25T07:20:03Z"), figures("rollbackMs", 2500));
        // D: rolled back in 4 min, from the start of the rollback to its end
        FixtureRelease d = new FixtureRelease("91.1.2", "patch").environment(ENV)
                .note("started", Instant.parse("2026-06-26T07:00:00Z"), "started", null)
                .to("SWITCHED", Instant.parse("2026-06-26T07:10:00Z"), null)
                .to("ROLLING_BACK", Instant.parse("2026-06-26T07:30:00Z"), null)
                .to("ROLLED_BACK", Instant.parse("2026-06-26T07:34:00Z"), null);
        // E: failed at a gate: never reached farm traffic, so not a change failure
        FixtureRelease e = new FixtureRelease("91.1.3", "patch").environment(ENV)
                .note("started", Instant.parse("2026-06-27T09:00:00Z"), "started", null)
                .to("FAILED", Instant.parse("2026-06-27T09:00:30Z"), figures("failedStep", "CHECKED", "trafficMoved", false));
        // F: completed before the period
        FixtureRelease f = new FixtureRelease("91.0.9", "patch").environment(ENV)
                .change("f1", Instant.parse("2026-05-01T00:00:00Z"))
                .note("started", Instant.parse("2026-05-20T07:50:00Z"), "started", null)
                .to("COMPLETED", Instant.parse("2026-05-20T08:00:00Z"), null);
        List<FixtureRelease> all = List.of(a, b, c, d, e, f);
        all.forEach(FixtureRelease::publishAll);
        Await.until("the fixture history", Duration.ofSeconds(30), () -> Db.count(db,
                "SELECT count(*) FROM deployments WHERE environment = ? AND finished_at IS NOT NULL", ENV) == all.size()
                && Db.count(db, "SELECT count(*) FROM incidents WHERE release_version IN ('91.1.1', '91.1.2', '91.1.3')") == 3);

        try {
            // restores of 10, 30 and 60 min: median 30 min
            resolve("91.1.1", Instant.parse("2026-06-25T07:30:00Z"));
            resolve("91.1.2", Instant.parse("2026-06-26T08:00:00Z"));
            resolve("91.1.3", Instant.parse("2026-06-27T10:00:30Z"));
            clock.pin(Instant.parse("2026-06-30T12:00:00Z"));
            String viewer = TestTokens.bearer("viewer");
            given().header("Authorization", viewer).queryParam("days", 30).queryParam("environment", ENV)
                    .when().get("/api/v1/dora").then().statusCode(200)
                    .body("days", equalTo(30))
                    // 2 completed in 30 days: 2·7 < 30 ≤ 2·30 → medium; 0.47 a week misses the seed's 1/week
                    .body("deploymentFrequency.deployments", equalTo(2))
                    .body("deploymentFrequency.perWeek", both(greaterThan(0.4666f)).and(lessThan(0.4667f)))
                    .body("deploymentFrequency.band", equalTo("MEDIUM"))
                    .body("deploymentFrequency.target.met", equalTo(false))
                    // lead times 12 h, 2 d, 7 d → median 2 d: high, under a week
                    .body("leadTime.changes", equalTo(3))
                    .body("leadTime.medianSeconds", equalTo(172800.0f))
                    .body("leadTime.band", equalTo("HIGH"))
                    .body("leadTime.target.met", equalTo(true))
                    // A, B, C, D reached traffic; C and D rolled back: 50 % → low
                    .body("changeFailureRate.deployments", equalTo(4))
                    .body("changeFailureRate.failures", equalTo(2))
                    .body("changeFailureRate.percent", equalTo(50.0f))
                    .body("changeFailureRate.band", equalTo("LOW"))
                    .body("changeFailureRate.target.met", equalTo(false))
                    // restores 10, 30, 60 min → median 30 min: elite, yet above the seed's 15 min
                    .body("timeToRestore.incidents", equalTo(3))
                    .body("timeToRestore.medianSeconds", equalTo(1800.0f))
                    .body("timeToRestore.band", equalTo("ELITE"))
                    .body("timeToRestore.target.met", equalTo(false))
                    // rollbacks 2.5 s and 240 s: median 121.25 s, max 240 s, under 5 min
                    .body("rollbackTime.rollbacks", equalTo(2))
                    .body("rollbackTime.medianSeconds", equalTo(121.25f))
                    .body("rollbackTime.maxSeconds", equalTo(240.0f))
                    .body("rollbackTime.target.met", equalTo(true));
            String text = given().header("Authorization", viewer).queryParam("days", 30).queryParam("environment", ENV)
                    .when().get("/api/v1/dora/text").then().statusCode(200).extract().asString();
            List<String> lines = text.lines().toList();
            org.junit.jupiter.api.Assertions.assertEquals(List.of(
                    "MÉTRICAS DORA: dora-fixture, últimos 30 días (31 may 2026 – 30 jun 2026)",
                    "",
                    "Frecuencia de despliegue: 2 despliegues (0.47/semana) · banda media · meta ≥ 1/semana: ❌",
                    "Lead time de cambios: mediana 2 d 0 h (3 cambios) · banda alta · meta < 1 semana: ✅",
                    "Tasa de fallos de cambio: 50% (2 de 4) · banda baja · meta < 5%: ❌",
                    "Tiempo de restauración (MTTR): mediana 30 min (3 incidentes) · banda élite · meta < 15 min: ❌",
                    "Tiempo de rollback: mediana 2 min, máximo 4 min (2 rollbacks) · meta < 5 min: ✅",
                    "",
                    "Bandas: DORA, Accelerate State of DevOps Report 2023 (dora.dev/research)"), lines);
            // an environment with nothing recorded has no figures, not zeros
            given().header("Authorization", viewer).queryParam("environment", "empty-env").when().get("/api/v1/dora").then()
                    .statusCode(200).body("days", equalTo(90)).body("leadTime.medianSeconds", nullValue())
                    .body("changeFailureRate.band", nullValue());
        } finally {
            clock.release();
        }
    }

    @Test
    void invalid_periods_and_environments_are_refused_naming_the_field() {
        String viewer = TestTokens.bearer("viewer");
        for (String days : List.of("0", "-3", "ninety", "3651")) {
            given().header("Authorization", viewer).queryParam("days", days).when().get("/api/v1/dora").then()
                    .statusCode(400).contentType("application/problem+json").body("field", equalTo("days"));
        }
        given().header("Authorization", viewer).queryParam("environment", "prod uction").when().get("/api/v1/dora/text").then()
                .statusCode(400).body("field", equalTo("environment")).body("detail", containsString("environment"));
    }

    private void resolve(String version, Instant at) {
        String id = given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/incidents").then()
                .extract().path("find { it.releaseVersion == '" + version + "' }.id");
        clock.pin(at);
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/incidents/" + id + "/resolve").then().statusCode(200);
    }
}

package com.fincafacil.incident;

import com.fincafacil.commons.events.Topics;
import com.fincafacil.incident.service.PostmortemService;
import com.fincafacil.testing.KafkaProbe;
import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Post-mortems due 24 h after a rolled-back deployment and 48 h after a hotfix, read against a pinned clock. */
@QuarkusTest
class PostmortemIT {

    @Inject
    DataSource db;

    @Inject
    TestClock clock;

    @Inject
    PostmortemService postmortems;

    @Test
    void overdue_follows_the_24_and_48_hour_rules() {
        Instant t = Instant.parse("2025-06-01T07:00:00Z");
        FixtureRelease rolledBack = ReleaseEventConsumerIT.rolledBack("81.0.0", t.minusSeconds(600));
        FixtureRelease hotfix = new FixtureRelease("81.0.1", "hotfix").note("started", t.minusSeconds(300), "hotfix", null)
                .to("COMPLETED", t, null);
        rolledBack.publishAll();
        hotfix.publishAll();
        Await.until("both incidents", Duration.ofSeconds(30), () -> Db.count(db,
                "SELECT count(*) FROM incidents WHERE release_version IN ('81.0.0', '81.0.1')") == 2);
        String rollbackId = idOf("81.0.0");
        String hotfixId = idOf("81.0.1");
        String viewer = TestTokens.bearer("viewer");
        try {
            clock.pin(t.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(59)));
            given().header("Authorization", viewer).when().get("/api/v1/postmortems/overdue").then().statusCode(200)
                    .body("id", not(hasItem(rollbackId))).body("id", not(hasItem(hotfixId)));
            clock.pin(t.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
            given().header("Authorization", viewer).when().get("/api/v1/postmortems/overdue").then().statusCode(200)
                    .body("id", hasItem(rollbackId)).body("id", not(hasItem(hotfixId)));
            clock.pin(t.plus(Duration.ofHours(48)).plus(Duration.ofMinutes(1)));
            given().header("Authorization", viewer).when().get("/api/v1/postmortems/overdue").then().statusCode(200)
                    .body("id", hasItem(rollbackId)).body("id", hasItem(hotfixId));
            given().header("Authorization", viewer).when().get("/api/v1/incidents/" + hotfixId).then()
                    .body("postmortemOverdue", equalTo(true));

            postmortems.announceOverdue();
            postmortems.announceOverdue();
            assertEquals(1, KafkaProbe.awaitRecords(Topics.INCIDENT_EVENTS, r -> rollbackId.equals(r.key())
                    && r.value().contains("\"postmortem.overdue\""), 2, Duration.ofSeconds(5)).size(), "announced once");

            given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body(postmortem())
                    .when().put("/api/v1/incidents/" + rollbackId + "/postmortem").then().statusCode(200)
                    .body("actionItems[0].owner", equalTo("ana")).body("writtenBy", equalTo("test-operator"));
            given().header("Authorization", viewer).when().get("/api/v1/postmortems/overdue").then().statusCode(200)
                    .body("id", not(hasItem(rollbackId))).body("id", hasItem(hotfixId));
            given().header("Authorization", viewer).when().get("/api/v1/incidents/" + rollbackId + "/postmortem").then().statusCode(200)
                    .body("rootCause", equalTo("Índice faltante en alertas")).body("contributingFactors", equalTo(List.of("Sin prueba de carga")));
        } finally {
            clock.release();
        }
    }

    @Test
    void an_incomplete_postmortem_is_refused_naming_each_field() {
        String id = given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"severity\":\"SEV4\"}").when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        String body = postmortem().replace("\"owner\":\"ana\",", "").replace("\"rootCause\":\"Índice faltante en alertas\",", "");
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/incidents/" + id + "/postmortem").then().statusCode(400)
                .body("errors.field", equalTo(List.of("actionItems[0].owner", "rootCause")));
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body(postmortem().replace("Sin prueba de carga", "Sin prueba\\u0000de carga"))
                .when().put("/api/v1/incidents/" + id + "/postmortem").then().statusCode(400)
                .body("field", equalTo("contributingFactors[0]"));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/incidents/" + id + "/postmortem").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("viewer")).contentType(ContentType.JSON).body(postmortem())
                .when().put("/api/v1/incidents/" + id + "/postmortem").then().statusCode(403);
    }

    private String idOf(String version) {
        return given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/incidents").then().statusCode(200)
                .extract().path("find { it.releaseVersion == '" + version + "' }.id");
    }

    private static String postmortem() {
        return """
                {"summary":"La versión 81.0.0 subió el error rate al 7 %","impact":"12 minutos de errores en pesajes",
                 "timeline":[{"at":"2025-06-01T06:50:00Z","text":"cambio de tráfico"},{"at":"2025-06-01T07:00:00Z","text":"rollback"}],
                 "rootCause":"Índice faltante en alertas","contributingFactors":["Sin prueba de carga"],
                 "actionItems":[{"description":"Crear índice","owner":"ana","due":"2025-06-08"}]}""";
    }
}

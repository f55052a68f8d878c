package com.fincafacil.release;

import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Planning, approving and reading releases, with 1.0.0 running (the launcher stand-in says so). */
@QuarkusTest
class ReleaseResourceIT {

    @AfterEach
    void targetBackUp() {
        LauncherStandIn.down = false;
    }

    private static ValidatableResponse plan(String role, String body) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/releases").then();
    }

    @Test
    void a_plan_without_changes_takes_its_changelog_entry_and_starts_planned() {
        var created = plan("operator", "{\"version\":\"1.1.0\",\"kind\":\"minor\"}").statusCode(201).extract();
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/api/v1/releases/" + id), created.header("Location"));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases/" + id).then().statusCode(200)
                .body("state", equalTo("PLANNED")).body("kind", equalTo("minor")).body("artifact", equalTo("1.1.0"))
                .body("previousVersion", equalTo("1.0.0")).body("createdBy", equalTo("test-operator"))
                .body("changes.title", contains("Alert confidence (confianza_ia)", "CSV import reports every bad row at once, not just the first"))
                .body("timeline.to", contains("PLANNED")).body("timeline[0].actor", equalTo("test-operator"))
                .body("timeline[0].figures.runningVersion", equalTo("1.0.0"));
    }

    @Test
    void changes_named_by_the_plan_keep_their_merge_time() {
        plan("operator", "{\"version\":\"1.0.1\",\"kind\":\"hotfix\",\"artifact\":\"registry.example/farm:1.0.1\","
                + "\"changes\":[{\"title\":\"Weighing dates in Bogotá time\",\"mergedAt\":\"2026-11-28T15:04:05-05:00\"}]}")
                .statusCode(201).body("changes[0].mergedAt", equalTo("2026-11-28T20:04:05Z"))
                .body("artifact", equalTo("registry.example/farm:1.0.1")).body("drill", equalTo(false));
    }

    @Test
    void the_go_live_drill_marks_its_release() {
        plan("operator", "{\"version\":\"1.0.20\",\"kind\":\"hotfix\",\"artifact\":\"registry.example/farm:1.0.20\","
                + "\"changes\":[{\"title\":\"Go-live drill\"}],\"drill\":true}")
                .statusCode(201).body("drill", equalTo(true));
        plan("operator", "{\"version\":\"1.0.8\",\"kind\":\"hotfix\",\"changes\":[{\"title\":\"x\"}],\"drill\":\"yes\"}")
                .statusCode(400).body("field", equalTo("drill"));
    }

    @Test
    void a_validation_query_must_read_and_may_span_lines() {
        plan("operator", "{\"version\":\"1.0.21\",\"kind\":\"hotfix\",\"changes\":[{\"title\":\"x\"}],"
                + "\"validationQueries\":[{\"name\":\"wipe\",\"sql\":\"DELETE FROM animals\"}]}")
                .statusCode(400).body("errors.field", contains("validationQueries[0].sql"))
                .body("errors[0].message", equalTo("must be a SELECT (or WITH … SELECT) query"));
        plan("operator", "{\"version\":\"1.0.21\",\"kind\":\"hotfix\",\"changes\":[{\"title\":\"x\"}],"
                + "\"validationQueries\":[{\"name\":\"calves\",\"sql\":\"  with c AS (SELECT 1)\\nselect * FROM c WHERE false\"}]}")
                .statusCode(201).body("validationQueries[0].name", equalTo("calves"));
    }

    @Test
    void a_version_not_above_the_running_one_or_of_the_wrong_kind_is_unprocessable() {
        plan("operator", "{\"version\":\"1.0.0\",\"kind\":\"patch\"}").statusCode(422).body("field", equalTo("version"));
        plan("operator", "{\"version\":\"1.2.0\",\"kind\":\"patch\"}").statusCode(422).body("field", equalTo("kind"));
    }

    @Test
    void a_version_without_a_changelog_entry_or_without_changes_is_unprocessable() {
        plan("operator", "{\"version\":\"1.3.0\",\"kind\":\"minor\"}").statusCode(422).body("field", equalTo("version"));
        plan("operator", "{\"version\":\"1.0.2\",\"kind\":\"patch\"}").statusCode(422).body("field", equalTo("changes"));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases").then()
                .body("version", not(hasItem("1.3.0"))).body("version", not(hasItem("1.0.2")));
    }

    @Test
    void bad_fields_are_refused_naming_the_field() {
        plan("operator", "{\"version\":\"1.x\",\"kind\":\"patch\"}").statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("version"));
        plan("operator", "{\"version\":\"1.2.0\",\"kind\":\"big\"}").statusCode(400).body("field", equalTo("kind"));
        plan("operator", "{\"version\":\"1.2.0\",\"kind\":\"minor\",\"changes\":[{\"title\":\"\"}]}").statusCode(400);
        // both wrong: one answer names both
        plan("operator", "{\"version\":\"1.x\",\"kind\":\"big\"}").statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("version", "kind"))
                .body("errors.code", org.hamcrest.Matchers.contains("invalid_version", "unknown_kind"));
        // and with a change without its title: still one answer
        plan("operator", "{\"version\":\"1.x\",\"kind\":\"big\",\"changes\":[{\"title\":\"\"}]}").statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("changes[0].title", "version", "kind"));
    }

    @Test
    void a_nul_character_in_a_text_field_is_a_400_naming_the_field_and_plans_nothing() {
        // the plan the test above makes, but for a NUL in one title: it would reach PostgreSQL otherwise
        plan("operator", "{\"version\":\"1.0.1\",\"kind\":\"hotfix\",\"artifact\":\"registry.example/farm:1.0.1\","
                + "\"changes\":[{\"title\":\"Weighing dates\\u0000 in Bogotá time\",\"mergedAt\":\"2026-11-28T15:04:05-05:00\"}]}")
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("changes[0].title"));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases").then()
                .body("changes.flatten().title", not(hasItem(org.hamcrest.Matchers.containsString("\u0000"))));
    }

    @Test
    void changes_beyond_the_one_megabyte_body_limit_are_a_413_and_plan_nothing() {
        StringBuilder changes = new StringBuilder();
        for (int i = 0; changes.length() < 2 * 1024 * 1024; i++) {
            changes.append(i == 0 ? "" : ",").append("{\"title\":\"Change ").append(i).append(' ').append("x".repeat(200))
                    .append("\",\"mergedAt\":\"2026-11-28T15:04:05-05:00\"}");
        }
        plan("operator", "{\"version\":\"1.0.4\",\"kind\":\"hotfix\",\"artifact\":\"registry.example/farm:1.0.4\","
                + "\"changes\":[" + changes + "]}")
                .statusCode(413).contentType("application/problem+json").body("code", equalTo("payload_too_large"));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases").then()
                .body("version", not(hasItem("1.0.4")));
    }

    @Test
    void the_same_version_cannot_be_planned_twice() {
        String body = "{\"version\":\"3.0.0\",\"kind\":\"major\"}";
        plan("operator", body).statusCode(201);
        plan("operator", body).statusCode(409).body("field", equalTo("version"));
    }

    @Test
    void a_planned_release_says_whether_it_could_start_now() {
        String id = plan("operator", "{\"version\":\"2.0.0\",\"kind\":\"major\"}").statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases/" + id).then().statusCode(200)
                .body("startCheck.mayStart", equalTo(false))
                .body("startCheck.refusals.field", hasItem("approval"))
                .body("startCheck.windowOpensAt", not(nullValue()));
        given().header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/releases/" + id + "/approve").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases/" + id).then()
                .body("startCheck.refusals.field", not(hasItem("approval")));
    }

    @Test
    void an_admin_other_than_the_planner_approves_and_the_approval_is_on_the_timeline() {
        String id = plan("admin", "{\"version\":\"1.1.1-rc.1\",\"kind\":\"minor\",\"changes\":[{\"title\":\"rc\"}]}").statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/releases/" + id + "/approve")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("operator")).when().post("/api/v1/releases/" + id + "/approve")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases/" + id).then()
                .body("approval", nullValue());

        String other = plan("operator", "{\"version\":\"1.1.5\",\"kind\":\"minor\"}").statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/releases/" + other + "/approve")
                .then().statusCode(200).body("approval.by", equalTo("test-admin"))
                .body("timeline.reason", contains("planned", "approved"));
        given().header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/releases/" + other + "/approve")
                .then().statusCode(200).body("timeline.reason", contains("planned", "approved"));
    }

    @Test
    void releases_are_filtered_by_state_and_period() {
        String today = LocalDate.now().toString();
        String tomorrow = LocalDate.now().plusDays(2).toString();
        plan("operator", "{\"version\":\"1.1.1\",\"kind\":\"minor\",\"changes\":[{\"title\":\"x\"}]}").statusCode(201);
        given().header("Authorization", TestTokens.bearer("viewer")).queryParam("state", "planned")
                .queryParam("from", "2000-01-01").queryParam("to", tomorrow)
                .when().get("/api/v1/releases").then().statusCode(200).body("state", everyItem(equalTo("PLANNED")))
                .body("version", hasItem("1.1.1"));
        given().header("Authorization", TestTokens.bearer("viewer")).queryParam("state", "COMPLETED")
                .when().get("/api/v1/releases").then().statusCode(200).body("version", not(hasItem("1.1.1")));
        given().header("Authorization", TestTokens.bearer("viewer")).queryParam("to", "2000-01-01")
                .when().get("/api/v1/releases").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", TestTokens.bearer("viewer")).queryParam("state", "LOST")
                .when().get("/api/v1/releases").then().statusCode(400).body("field", equalTo("state"));
        given().header("Authorization", TestTokens.bearer("viewer")).queryParam("from", today + "T25:00")
                .when().get("/api/v1/releases").then().statusCode(400).body("field", equalTo("from"));
    }

    @Test
    void an_unknown_release_is_404_and_an_unreachable_target_is_503() {
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        LauncherStandIn.down = true;
        plan("operator", "{\"version\":\"1.1.9\",\"kind\":\"patch\",\"changes\":[{\"title\":\"x\"}]}").statusCode(503)
                .contentType("application/problem+json").body("code", equalTo("target_unavailable"))
                .body("title", equalTo("Deployment target unavailable"));
    }

    @Test
    void requests_without_a_token_are_refused() {
        given().when().get("/api/v1/releases").then().statusCode(401).contentType("application/problem+json");
    }
}

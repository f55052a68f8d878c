package com.fincafacil.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.release.client.LauncherTarget;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A release from plan to completed, on the real launcher with two real farm-service slots. */
@QuarkusTest
@TestProfile(FlowProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseFlowIT {

    private static final List<String> HAPPY_PATH = List.of("PLANNED", "PLANNED", "CHECKED", "BACKED_UP", "MIGRATED",
            "DEPLOYED", "VERIFIED", "SWITCHED", "MONITORING", "MONITORING", "COMPLETED");

    private static void post(String id, String verb, String body, int status) {
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/releases/" + id + "/" + verb).then().statusCode(status);
    }

    private static LauncherTarget target() {
        return new LauncherTarget(new ObjectMapper(), LauncherResource.launcher.controlUrl(),
                LauncherResource.launcher.operatorToken(), Duration.ofSeconds(30));
    }

    private static String plan(String version) {
        return given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"version\":\"" + version + "\",\"kind\":\"hotfix\"}")
                .when().post("/api/v1/releases").then().statusCode(201).extract().path("id");
    }

    private static JsonPath release(String id) {
        return given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void a_hotfix_runs_from_plan_to_completed_and_the_previous_slot_stops_after_the_rollback_window() throws Exception {
        String id = plan("1.0.1");
        String second = plan("1.0.2");
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"reason\":\"weighing dates are wrong in the field\"}")
                .when().post("/api/v1/releases/" + id + "/start").then().statusCode(202);
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/v1/releases/" + second + "/start").then().statusCode(409);
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/v1/releases/" + id + "/start").then().statusCode(409);

        JsonPath monitoring = await(id, r -> List.of("MONITORING", "FAILED").contains(r.getString("state")), Duration.ofMinutes(3));
        assertEquals("MONITORING", monitoring.getString("state"), monitoring.prettify());
        post(id, "promote", "{}", 200);
        JsonPath done = await(id, r -> List.of("COMPLETED", "FAILED").contains(r.getString("state")), Duration.ofSeconds(30));
        assertEquals("COMPLETED", done.getString("state"), done.prettify());
        assertEquals(HAPPY_PATH, done.getList("timeline.to"));
        assertEquals("blue", done.getString("run.fromSlot"));
        assertEquals("green", done.getString("run.toSlot"));
        assertTrue(Files.exists(Path.of(done.getString("run.backupPath")).resolve("animals.copy")));
        assertEquals("passed", done.getString("timeline[2].figures.gates.rollbackPath"));
        assertEquals("1.0.1", done.getString("timeline[6].figures.version"), "the smoke test read the new slot's label");

        List<String> types = com.fincafacil.testing.KafkaProbe.awaitRecords(com.fincafacil.commons.events.Topics.RELEASE_EVENTS,
                        r -> id.equals(r.key()), 11, Duration.ofSeconds(30)).stream()
                .map(r -> new io.restassured.path.json.JsonPath(r.value()).getString("type")).toList();
        assertEquals(List.of("release.planned", "release.started", "release.checked", "release.backed_up", "release.migrated",
                "release.deployed", "release.verified", "release.switched", "release.monitoring", "release.promoted",
                "release.completed"), types.subList(0, 11), "every step reached Kafka, in order");

        LauncherTarget target = target();
        assertEquals("green", target.activeSlot().orElseThrow());
        assertEquals("1.0.1", target.slots().get(1).version());

        JsonPath settled = await(id, r -> r.getList("timeline.reason").contains("previous slot stopped after the rollback window"),
                Duration.ofSeconds(60));
        assertEquals("stopped", target.slots().stream().filter(s -> s.slot().equals("blue")).map(SlotStatus::state).findFirst().orElseThrow(),
                settled.prettify());
    }

    @Test
    @Order(2)
    void a_rollback_puts_traffic_back_and_an_abort_before_the_switch_leaves_it_where_it_was() throws Exception {
        String id = plan("1.0.3");
        post(id, "rollback", "{}", 409);
        post(id, "start", "{\"reason\":\"second fix\"}", 202);
        JsonPath monitoring = await(id, r -> List.of("MONITORING", "FAILED").contains(r.getString("state")), Duration.ofMinutes(3));
        assertEquals("MONITORING", monitoring.getString("state"), monitoring.prettify());
        assertEquals("blue", target().activeSlot().orElseThrow());
        post(id, "abort", "{}", 409);
        post(id, "rollback", "{}", 202);
        JsonPath rolledBack = await(id, r -> List.of("ROLLED_BACK", "FAILED").contains(r.getString("state")), Duration.ofSeconds(30));
        assertEquals("ROLLED_BACK", rolledBack.getString("state"), rolledBack.prettify());
        assertEquals("green", target().activeSlot().orElseThrow(), "traffic is back on the previous version");
        assertEquals("1.0.1", target().slots().get(1).version());
        assertEquals("1.0.3", target().slots().get(0).version(), "the rolled-back version's slot is left for a look");

        String aborted = plan("1.0.4");
        post(aborted, "start", "{\"reason\":\"third fix\"}", 202);
        post(aborted, "abort", "{}", 200);
        JsonPath failed = release(aborted);
        assertEquals("FAILED", failed.getString("state"));
        assertTrue(failed.getString("timeline[-1].reason").startsWith("aborted by test-operator"), failed.prettify());
        Thread.sleep(15_000);
        assertEquals("FAILED", release(aborted).getString("state"), "the step that was running did not overwrite the abort");
        assertEquals("green", target().activeSlot().orElseThrow(), "an abort never moves traffic");
    }

    private static JsonPath await(String id, java.util.function.Predicate<JsonPath> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonPath r = release(id);
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            r = release(id);
        }
        return r;
    }
}

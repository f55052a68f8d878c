package com.fincafacil.release.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.release.client.LauncherTarget;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
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

    private static final List<String> HAPPY_PATH = List.of("PLANNED", "PLANNED", "PLANNED", "PLANNED", "CHECKED", "BACKED_UP",
            "MIGRATED", "DEPLOYED", "VERIFIED", "SWITCHED", "MONITORING", "MONITORING", "COMPLETED");

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

    private static void acknowledge(String id) {
        post(id, "acks", "{\"item\":\"team_available\"}", 200);
        post(id, "acks", "{\"item\":\"users_told\",\"note\":\"#status at 01:50\"}", 200);
    }

    private static String farmUrl() {
        return "jdbc:postgresql://127.0.0.1:" + LauncherResource.launcher.postgresPort() + "/farm";
    }

    private static long count(String sql) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(farmUrl(), "postgres", "postgres");
             java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @Order(1)
    void a_hotfix_with_an_expand_migration_runs_to_completed_while_farm_apps_keep_writing() throws Exception {
        // four apps, so a slow machine still sends the analysis its minimum of requests per window
        FarmWriter writer = FarmWriter.start(LauncherResource.launcher.trafficUrl(), LauncherResource.launcher.operatorToken(), "RF", 4, false);
        String id = plan("1.0.1");
        String second = plan("1.0.2");
        JsonPath unacknowledged = given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"reason\":\"weighing dates are wrong in the field\"}")
                .when().post("/api/v1/releases/" + id + "/start").then().statusCode(422).extract().jsonPath();
        assertEquals(List.of("acknowledgements", "acknowledgements"), unacknowledged.getList("errors.field"), unacknowledged.prettify());
        post(id, "acks", "{\"item\":\"coffee_ready\"}", 400);
        acknowledge(id);
        acknowledge(second);
        post(id, "start", "{\"reason\":\"weighing dates are wrong in the field\"}", 202);
        post(second, "start", "{\"reason\":\"x\"}", 409);
        post(id, "start", "{\"reason\":\"x\"}", 409);

        JsonPath monitoring = await(id, r -> List.of("MONITORING", "FAILED").contains(r.getString("state")), Duration.ofMinutes(3));
        assertEquals("MONITORING", monitoring.getString("state"), monitoring.prettify());
        JsonPath analysed = await(id, r -> r.getList("measurements.findAll { it.check == 'error_rate' && it.verdict == 'SUCCESSFUL' }")
                .size() >= 2, Duration.ofSeconds(60));
        assertTrue(analysed.getList("measurements.findAll { it.check == 'error_rate' && it.verdict == 'SUCCESSFUL' }").size() >= 2,
                "the analysis measured the farm app's traffic on the new slot: " + analysed.getList("measurements"));
        assertEquals("MONITORING", analysed.getString("state"), "healthy traffic rolls nothing back");
        post(id, "promote", "{}", 200);
        JsonPath done = await(id, r -> List.of("COMPLETED", "FAILED").contains(r.getString("state")), Duration.ofSeconds(30));
        writer.close();
        assertEquals("COMPLETED", done.getString("state"), done.prettify());
        assertEquals(HAPPY_PATH, done.getList("timeline.to"), "entries: " + done.getList("timeline.reason"));
        assertEquals("blue", done.getString("run.fromSlot"));
        assertEquals("green", done.getString("run.toSlot"));
        assertTrue(Files.exists(Path.of(done.getString("run.backupPath")).resolve("animals.copy")));

        assertEquals("EXPAND", done.getString("migrationKind"), "a new nullable column and a new table are expand");
        assertEquals("migrated", done.getString("timeline.find { it.to == 'CHECKED' }.figures.migrations.runningSchema"),
                "1.0.0 was never classified here: its side is migrated too");
        assertEquals("100", done.getString("targetSchemaVersion"));
        assertEquals(1, count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'animals' AND column_name = 'nickname'"));
        assertEquals(0, count("SELECT count(*) FROM pg_database WHERE datname LIKE 'scratch_%'"), "the scratch databases are gone");
        java.util.Map<String, String> gates = new java.util.HashMap<>();
        done.getList("gates", java.util.Map.class).forEach(g -> gates.put((String) g.get("name"), (String) g.get("status")));
        assertEquals(java.util.Map.of("changelog", "PASSED", "running_version", "PASSED", "rollback_path", "PASSED",
                "migrations", "PASSED", "services_ready", "PASSED", "last_drill", "NOT_RUN", "team_available", "PASSED",
                "users_told", "PASSED", "backup", "PASSED"), gates);
        assertEquals(List.of("team_available", "users_told"), done.getList("acknowledgements.item"));
        assertEquals("1.0.1", done.getString("timeline.find { it.to == 'VERIFIED' }.figures.version"), "the smoke test read the new slot's label");
        assertTrue(done.getString("timeline.find { it.to == 'VERIFIED' }.figures.farmRead").endsWith(": 200"),
                "the smoke test read a farm page with the platform's smoke key");
        assertTrue(done.getInt("timeline.find { it.to == 'MIGRATED' }.figures.rowCounts.animals[0]") >= 0, done.prettify());
        assertTrue(done.getInt("timeline.find { it.to == 'VERIFIED' }.figures.metrics.requests") > 0,
                "the report's before figures: the running version's traffic through the entry");
        assertTrue(done.getInt("timeline.find { it.to == 'COMPLETED' }.figures.metrics.requests") > 0,
                "and its after figures: the new version's while the analysis watched");
        assertEquals(0.0, done.getDouble("timeline.find { it.to == 'COMPLETED' }.figures.metrics.errorRatePct"));

        assertTrue(writer.acknowledged().size() > 50, "the farm app kept writing: " + writer.acknowledged().size());
        assertEquals(List.of(), writer.missingOrDuplicated(farmUrl()), "every acknowledged write is there exactly once");
        assertEquals(java.util.Map.of(), writer.refused(), "no farm app request failed during the release");

        List<String> types = com.fincafacil.testing.KafkaProbe.awaitRecords(com.fincafacil.commons.events.Topics.RELEASE_EVENTS,
                        r -> id.equals(r.key()), 13, Duration.ofSeconds(30)).stream()
                .map(r -> new io.restassured.path.json.JsonPath(r.value()).getString("type")).toList();
        assertEquals(List.of("release.planned", "release.acknowledged", "release.acknowledged", "release.started",
                "release.checked", "release.backed_up", "release.migrated", "release.deployed", "release.verified",
                "release.switched", "release.monitoring", "release.promoted", "release.completed"), types.subList(0, 13),
                "every step reached Kafka, in order");

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
        acknowledge(id);
        post(id, "rollback", "{}", 409);
        post(id, "start", "{\"reason\":\"second fix\"}", 202);
        JsonPath monitoring = await(id, r -> List.of("MONITORING", "FAILED").contains(r.getString("state")), Duration.ofMinutes(3));
        assertEquals("MONITORING", monitoring.getString("state"), monitoring.prettify());
        assertEquals("remembered", monitoring.getString("timeline.find { it.to == 'CHECKED' }.figures.migrations.runningSchema"),
                "the running 1.0.1's schema was built when 1.0.1 was classified; only 1.0.3's is migrated");
        assertEquals("blue", target().activeSlot().orElseThrow());
        JsonPath quiet = await(id, r -> r.getList("measurements.findAll { it.check == 'error_rate' }").size() >= 2, Duration.ofSeconds(20));
        assertEquals(List.of("INCONCLUSIVE"), quiet.getList("measurements.findAll { it.check == 'error_rate' }.verdict").stream()
                .distinct().toList(), "no traffic says nothing either way");
        assertEquals("MONITORING", quiet.getString("state"), "low traffic never rolls back");
        post(id, "abort", "{}", 409);
        post(id, "rollback", "{}", 202);
        JsonPath rolledBack = await(id, r -> List.of("ROLLED_BACK", "FAILED").contains(r.getString("state")), Duration.ofSeconds(30));
        assertEquals("ROLLED_BACK", rolledBack.getString("state"), rolledBack.prettify());
        assertEquals("green", target().activeSlot().orElseThrow(), "traffic is back on the previous version");
        assertEquals("1.0.1", target().slots().get(1).version());
        assertEquals("1.0.3", target().slots().get(0).version(), "the rolled-back version's slot is left for a look");

        String aborted = plan("1.0.4");
        acknowledge(aborted);
        post(aborted, "start", "{\"reason\":\"third fix\"}", 202);
        post(aborted, "abort", "{}", 200);
        JsonPath failed = release(aborted);
        assertEquals("FAILED", failed.getString("state"));
        assertTrue(failed.getString("timeline[-1].reason").startsWith("aborted by test-operator"), failed.prettify());
        // the step running at the abort is its first (the checks, a few seconds at most); it has ended by now
        Thread.sleep(8_000);
        assertEquals("FAILED", release(aborted).getString("state"), "the step that was running did not overwrite the abort");
        assertEquals("green", target().activeSlot().orElseThrow(), "an abort never moves traffic");
    }

    @Test
    @Order(3)
    void a_release_that_mixes_expand_and_contract_is_refused_before_anything_changes() throws Exception {
        String id = plan("1.0.5");
        acknowledge(id);
        post(id, "start", "{\"reason\":\"herd groups\"}", 202);
        JsonPath failed = await(id, r -> r.getString("state").equals("FAILED"), Duration.ofMinutes(2));
        assertEquals("FAILED", failed.getString("state"), failed.prettify());
        assertEquals("MIXED", failed.getString("migrationKind"));
        assertTrue(failed.getString("timeline[-1].reason").contains("mixes expand and contract"), failed.getString("timeline[-1].reason"));
        assertEquals("CHECKED", failed.getString("timeline[-1].figures.failedStep"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'herd_groups'"), "nothing was migrated");
        assertEquals(1, count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'animals' AND column_name = 'nickname'"));
        assertEquals("green", target().activeSlot().orElseThrow());
        assertEquals(0, count("SELECT count(*) FROM pg_database WHERE datname LIKE 'scratch_%'"));
    }

    @Test
    @Order(4)
    void a_contract_release_waits_for_an_approval_and_for_no_slot_on_the_old_shape_then_a_retry_completes_it() throws Exception {
        LauncherTarget target = target();
        target.deploy("blue", "1.0.3", "1.0.3");
        String id = plan("1.0.6");
        acknowledge(id);
        post(id, "start", "{\"reason\":\"nicknames go\"}", 202);
        JsonPath refused = await(id, r -> r.getString("state").equals("FAILED"), Duration.ofMinutes(2));
        String reason = refused.getString("timeline[-1].reason");
        assertEquals("CONTRACT", refused.getString("migrationKind"), refused.prettify());
        assertTrue(reason.contains("needs an admin's approval") && reason.contains("slot blue still runs 1.0.3"), reason);
        assertEquals(1, count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'animals' AND column_name = 'nickname'"));

        given().header("Authorization", TestTokens.bearer("operator")).when().post("/api/v1/releases/" + id + "/approve")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/releases/" + id + "/approve")
                .then().statusCode(200);
        target.stop("blue");
        post(id, "retry", "{}", 202);
        post(id, "retry", "{}", 409);
        JsonPath monitoring = await(id, r -> List.of("MONITORING", "FAILED").contains(r.getString("state")), Duration.ofMinutes(3));
        assertEquals("MONITORING", monitoring.getString("state"), monitoring.prettify());
        assertTrue(monitoring.getList("timeline.reason").contains("retry of step CHECKED asked by test-operator"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'animals' AND column_name = 'nickname'"),
                "the contract migration ran");
        post(id, "promote", "{}", 200);
        assertEquals("COMPLETED", await(id, r -> r.getString("state").equals("COMPLETED"), Duration.ofSeconds(30)).getString("state"));
    }

    @Test
    @Order(5)
    void a_migration_that_fails_on_the_farm_rows_fails_the_release_and_traffic_never_moves() throws Exception {
        String active = target().activeSlot().orElseThrow();
        String id = plan("1.0.7");
        acknowledge(id);
        post(id, "start", "{\"reason\":\"ear tags as numbers\"}", 202);
        JsonPath failed = await(id, r -> r.getString("state").equals("FAILED"), Duration.ofMinutes(3));
        assertEquals("FAILED", failed.getString("state"), failed.prettify());
        assertEquals("MIGRATED", failed.getString("timeline[-1].figures.failedStep"), failed.prettify());
        assertEquals(false, failed.getBoolean("timeline[-1].figures.trafficMoved"));
        assertEquals(active, target().activeSlot().orElseThrow(), "traffic never moved");
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'ear_tag_numbers'"),
                "the failed migration left nothing behind");
        java.net.http.HttpResponse<String> read = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(LauncherResource.launcher.trafficUrl() + "/api/v1/admin/fincas"))
                .header("Authorization", "Bearer " + LauncherResource.launcher.operatorToken()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), "the previous version still serves");
    }

    @jakarta.inject.Inject
    com.fincafacil.release.service.ReleaseRunner runner;

    @Test
    @Order(6)
    void a_release_killed_at_every_step_resumes_from_what_was_persisted_and_completes() throws Exception {
        String id = plan("1.0.8");
        acknowledge(id);
        List<String> expected = new java.util.ArrayList<>();
        for (String state : List.of("CHECKED", "BACKED_UP", "MIGRATED", "DEPLOYED", "VERIFIED", "SWITCHED", "MONITORING", "COMPLETED")) {
            expected.add("acted:" + state);
            expected.add("recorded:" + state);
        }
        CrashingFaults.arm(java.util.UUID.fromString(id));
        try {
            post(id, "start", "{\"reason\":\"crash drill\"}", 202);
            for (int crash = 0; crash < expected.size(); crash++) {
                if (crash == expected.size() - 2) {
                    JsonPath monitoring = await(id, r -> r.getString("state").equals("MONITORING"), Duration.ofSeconds(10));
                    assertEquals("MONITORING", monitoring.getString("state"), monitoring.prettify());
                    post(id, "promote", "{}", 200);
                }
                assertTrue(CrashingFaults.awaitCrash(120), "crash " + (crash + 1) + " came; so far " + CrashingFaults.crashPoints());
                runner.resumeUnfinished(); // what a restarted release-service does
            }
        } finally {
            CrashingFaults.disarm();
        }
        assertEquals(expected, CrashingFaults.crashPoints());
        JsonPath done = await(id, r -> r.getList("timeline.reason").contains("previous slot stopped after the rollback window"),
                Duration.ofSeconds(60));
        assertEquals("COMPLETED", done.getString("state"), done.prettify());
        List<String> states = done.getList("timeline.findAll { it.from != it.to }.to");
        for (String state : List.of("CHECKED", "BACKED_UP", "MIGRATED", "DEPLOYED", "VERIFIED", "SWITCHED", "COMPLETED")) {
            assertEquals(1, java.util.Collections.frequency(states, state), state + " recorded once: " + states);
        }
        assertEquals("green", target().activeSlot().orElseThrow(), "traffic is on the new version");
        assertEquals("stopped", target().slots().stream().filter(s -> s.slot().equals("blue")).map(SlotStatus::state)
                .findFirst().orElseThrow(), "the stop scheduled by the resume after the last crash ran");
    }

    @Test
    @Order(7)
    void a_5xx_burst_on_the_new_slot_rolls_the_release_back_on_its_own_and_no_acknowledged_write_is_lost() throws Exception {
        FarmWriter writer = FarmWriter.start(LauncherResource.launcher.trafficUrl(), LauncherResource.launcher.operatorToken(), "AR", 4, false);
        String id = plan("1.0.9");
        acknowledge(id);
        post(id, "start", "{\"reason\":\"analysis drill\"}", 202);
        JsonPath monitoring = await(id, r -> List.of("MONITORING", "FAILED").contains(r.getString("state")), Duration.ofMinutes(3));
        assertEquals("MONITORING", monitoring.getString("state"), monitoring.prettify());
        String fresh = monitoring.getString("run.toSlot");
        injectFault("{\"kind\":\"abort\",\"slot\":\"" + fresh + "\",\"percentage\":100,\"status\":503,\"durationSeconds\":60}");
        JsonPath rolledBack = await(id, r -> List.of("ROLLED_BACK", "FAILED", "COMPLETED").contains(r.getString("state")), Duration.ofSeconds(60));
        writer.close();
        // the 503s must not outlive this test: the next releases deploy to this slot again
        clearFaults();
        assertEquals("ROLLED_BACK", rolledBack.getString("state"), rolledBack.prettify());
        assertEquals("analysis", rolledBack.getString("timeline.find { it.to == 'ROLLING_BACK' }.actor"));
        assertEquals("error_rate", rolledBack.getString("timeline.find { it.to == 'ROLLING_BACK' }.figures.trigger"));
        long rollbackMs = rolledBack.getLong("timeline.find { it.to == 'ROLLED_BACK' }.figures.rollbackMs");
        long detectionMs = rolledBack.getLong("timeline.find { it.to == 'ROLLING_BACK' }.figures.detectionMs");
        System.out.printf("automatic rollback: fault detected after %d ms, traffic back %d ms after the first failing measurement%n",
                detectionMs, rollbackMs);
        assertTrue(detectionMs >= 0 && detectionMs <= 10_000, "the fault's start is known, so is its detection time: " + detectionMs);
        assertTrue(rollbackMs <= 10_000, "traffic back within 10 s of the first failing measurement: " + rollbackMs + " ms");
        assertTrue(rolledBack.getBoolean("timeline.find { it.to == 'ROLLED_BACK' }.figures.automatic"));
        assertTrue(rolledBack.getDouble("timeline.find { it.to == 'ROLLING_BACK' }.figures.metrics.errorRatePct") > 5,
                "the new version's figures while watched carry the burst: " + rolledBack.prettify());
        assertTrue(rolledBack.getList("measurements.findAll { it.check == 'error_rate' && it.verdict == 'FAILED' }").size() >= 2);
        assertEquals(monitoring.getString("run.fromSlot"), target().activeSlot().orElseThrow(), "traffic is back on the previous slot");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String state = null;
        while (System.nanoTime() < deadline && !"stopped".equals(state)) {
            Thread.sleep(300);
            state = target().slots().stream().filter(s -> s.slot().equals(fresh)).map(SlotStatus::state).findFirst().orElseThrow();
        }
        assertEquals("stopped", state, "the failed slot is stopped once traffic is back");
        assertTrue(writer.acknowledged().size() > 20, "writes went on: " + writer.acknowledged().size());
        assertEquals(List.of(), writer.missingOrDuplicated(farmUrl()),
                "every write acknowledged by either slot is there exactly once after the rollback");
        rolledBackId = id;
        rolledBackWriter = writer;
    }

    /** The release test 7 rolled back, and the farm app that wrote through both of its slots. */
    private static String rolledBackId;
    private static FarmWriter rolledBackWriter;

    @Test
    @Order(8)
    void a_disaster_restore_brings_the_backup_back_and_every_acknowledged_write_with_it() throws Exception {
        String id = rolledBackId;
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body("{\"postSnapshotRows\":\"reapply\"}")
                .when().post("/api/v1/releases/" + id + "/restore").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON).body("{\"postSnapshotRows\":\"maybe\"}")
                .when().post("/api/v1/releases/" + id + "/restore").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.containsString("postSnapshotRows"));
        long animalsBefore = count("SELECT count(*) FROM animals");
        JsonPath refused = given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON)
                .body("{\"postSnapshotRows\":\"refuse\"}").when().post("/api/v1/releases/" + id + "/restore")
                .then().statusCode(409).extract().jsonPath();
        assertTrue(refused.getList("errors.field").contains("animals"), "the rows written since the backup are listed: " + refused.prettify());
        assertEquals(animalsBefore, count("SELECT count(*) FROM animals"), "a refused restore changes nothing");
        assertEquals(0, count("SELECT count(*) FROM pg_database WHERE datname LIKE 'failed_%' OR datname LIKE 'scratch_%'"));

        FarmWriter writer = FarmWriter.start(LauncherResource.launcher.trafficUrl(), LauncherResource.launcher.operatorToken(), "DR");
        while (writer.acknowledged().size() < 20) {
            Thread.sleep(50);
        }
        JsonPath report = given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON)
                .body("{\"postSnapshotRows\":\"reapply\"}").when().post("/api/v1/releases/" + id + "/restore")
                .then().statusCode(200).extract().jsonPath();
        int acknowledgedAtRestore = writer.acknowledged().size();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (writer.acknowledged().size() < acknowledgedAtRestore + 20 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        writer.close();
        System.out.printf("disaster restore: %d ms in all, farm database unavailable %d ms, %d rows carried over%n",
                report.getLong("durationMs"), report.getLong("farmUnavailableMs"), report.getLong("rowsCarriedOver"));
        assertTrue(report.getString("failedDatabase").startsWith("failed_v1_0_9_"), report.prettify());
        assertTrue(report.getInt("tables.find { it.table == 'animals' }.inserted") >= 20, report.prettify());
        assertTrue(report.getInt("tables.find { it.table == 'fincas' }.inserted") >= 1, "the finca created since the backup came along");
        assertTrue(writer.acknowledged().size() >= acknowledgedAtRestore + 20, "farm apps write again after the restore: " + writer.refused());
        assertEquals(List.of(), writer.missingOrDuplicated(farmUrl()), "every write acknowledged around the restore is there once");
        assertEquals(List.of(), rolledBackWriter.missingOrDuplicated(farmUrl()), "and every write of the rolled-back release's time");
        assertEquals(1, count("SELECT count(*) FROM pg_database WHERE datname = '" + report.getString("failedDatabase") + "'"),
                "the failed database is kept aside");
        assertEquals(0, count("SELECT count(*) FROM pg_database WHERE datname LIKE 'scratch_%'"));

        JsonPath restored = release(id);
        assertEquals("test-admin", restored.getString("run.restore.by"));
        assertEquals(report.getString("failedDatabase"), restored.getString("run.restore.report.failedDatabase"));
        assertTrue(restored.getList("timeline.reason").stream().anyMatch(r -> String.valueOf(r).startsWith("disaster restore")));
        given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON).body("{\"postSnapshotRows\":\"reapply\"}")
                .when().post("/api/v1/releases/" + id + "/restore").then().statusCode(409);
    }

    @Test
    @Order(9)
    void sales_that_fail_on_the_new_slot_drop_the_revenue_and_roll_the_release_back() throws Exception {
        FarmWriter writer = FarmWriter.start(LauncherResource.launcher.trafficUrl(), LauncherResource.launcher.operatorToken(), "RV", 2, true);
        // a business refusal (422), not a 5xx: only the revenue can see it
        String id = startWithFault("1.0.10", "{\"kind\":\"abort\",\"percentage\":100,\"status\":422,\"method\":\"POST\",\"path\":\".*/sale\"");
        JsonPath rolledBack = awaitAutomaticRollback(id, writer);
        assertEquals("revenue", rolledBack.getString("timeline.find { it.to == 'ROLLING_BACK' }.figures.trigger"), rolledBack.prettify());
        assertTrue(writer.sold().size() >= 10, "sales went through before the switch: " + writer.sold().size());
        assertEquals(List.of(), writer.missingOrDuplicated(farmUrl()));
        clearFaults();
    }

    @Test
    @Order(10)
    void answers_slower_than_the_p99_threshold_roll_the_release_back() throws Exception {
        FarmWriter writer = FarmWriter.start(LauncherResource.launcher.trafficUrl(), LauncherResource.launcher.operatorToken(), "LT", 4, false);
        String id = startWithFault("1.0.11", "{\"kind\":\"delay\",\"percentage\":10,\"delayMs\":800");
        JsonPath rolledBack = awaitAutomaticRollback(id, writer);
        assertEquals("latency_p99", rolledBack.getString("timeline.find { it.to == 'ROLLING_BACK' }.figures.trigger"), rolledBack.prettify());
        assertTrue(rolledBack.getDouble("timeline.find { it.to == 'ROLLING_BACK' }.figures.measurement.value") > 500, rolledBack.prettify());
        assertEquals(List.of(), writer.missingOrDuplicated(farmUrl()));
        assertEquals(java.util.Map.of(), writer.refused(), "a slow slot fails no request");
        clearFaults();
    }

    @Test
    @Order(11)
    void a_crash_while_the_analysis_watches_resumes_it_and_a_frozen_slot_rolls_the_release_back() throws Exception {
        FarmWriter writer = FarmWriter.start(LauncherResource.launcher.trafficUrl(), LauncherResource.launcher.operatorToken(), "FZ");
        String id = plan("1.0.12");
        acknowledge(id);
        CrashingFaults.armWhileWatching(java.util.UUID.fromString(id));
        post(id, "start", "{\"reason\":\"freeze drill\"}", 202);
        assertTrue(CrashingFaults.awaitCrash(180), "the runner died after its first measurement");
        int before = release(id).getList("measurements").size();
        runner.resumeUnfinished(); // what a restarted release-service does
        JsonPath resumed = await(id, r -> r.getList("measurements").size() >= before + 8, Duration.ofSeconds(30));
        assertEquals("MONITORING", resumed.getString("state"), "the analysis resumed where the release was: " + resumed.prettify());
        assertTrue(resumed.getList("measurements").size() >= before + 8, "measurements go on after the restart");
        String fresh = resumed.getString("run.toSlot");
        injectFault("{\"kind\":\"freeze\",\"slot\":\"" + fresh + "\",\"durationSeconds\":20}");
        JsonPath rolledBack = awaitAutomaticRollback(id, writer);
        String trigger = rolledBack.getString("timeline.find { it.to == 'ROLLING_BACK' }.figures.trigger");
        System.out.printf("frozen slot: rolled back by %s%n", trigger);
        // a frozen process stops answering (5xx through the entry) and stops being ready: whichever check sees it first
        assertTrue(List.of("uptime", "error_rate").contains(trigger), rolledBack.prettify());
        assertEquals(List.of(), writer.missingOrDuplicated(farmUrl()));
        clearFaults();
    }

    @Test
    @Order(12)
    void kafka_stopped_while_the_analysis_watches_is_not_the_new_versions_fault_and_rolls_nothing_back() throws Exception {
        FarmWriter writer = FarmWriter.start(LauncherResource.launcher.trafficUrl(), LauncherResource.launcher.operatorToken(), "KF");
        String id = startOneOfTwoAtOnce(plan("1.0.13"), plan("1.0.14"));
        JsonPath monitoring = await(id, r -> List.of("MONITORING", "FAILED").contains(r.getString("state")), Duration.ofMinutes(3));
        assertEquals("MONITORING", monitoring.getString("state"), monitoring.prettify());
        injectFault("{\"kind\":\"kafka\",\"durationSeconds\":15}");
        JsonPath said = await(id, r -> r.getList("timeline.reason").stream().anyMatch(reason -> String.valueOf(reason).contains("shared outage")),
                Duration.ofSeconds(40));
        assertEquals("MONITORING", said.getString("state"), "a broker outage rolls nothing back: " + said.prettify());
        assertTrue(said.getList("timeline.reason").stream().anyMatch(reason -> String.valueOf(reason).contains("shared outage")),
                "the release says why its checks do not count: " + said.getList("timeline.reason"));
        assertTrue(said.getList("measurements.findAll { it.check == 'uptime' && it.verdict == 'INCONCLUSIVE' }.detail").stream()
                .anyMatch(d -> String.valueOf(d).contains("not the new version's fault")), said.prettify());
        // the broker is back after 15 s: the new slot is measured healthy again, and the release completes
        JsonPath healthy = await(id, r -> "SUCCESSFUL".equals(latestUptime(r)), Duration.ofSeconds(60));
        assertEquals("SUCCESSFUL", latestUptime(healthy), healthy.prettify());
        post(id, "promote", "{}", 200);
        JsonPath done = await(id, r -> List.of("COMPLETED", "FAILED", "ROLLED_BACK").contains(r.getString("state")), Duration.ofSeconds(30));
        writer.close();
        assertEquals("COMPLETED", done.getString("state"), done.prettify());
        assertEquals(1, done.getList("timeline.findAll { it.reason.contains('shared outage') }").size(), "said once per monitoring run");
        assertEquals(List.of(), writer.missingOrDuplicated(farmUrl()));
    }

    /**
     * Plans, acknowledges and starts {@code version}, then injects {@code fault} (a JSON object
     * without its closing brace, slot and duration) into the slot the release chose; it holds from
     * the switch. The release's id.
     */
    private static String startWithFault(String version, String fault) throws Exception {
        String id = plan(version);
        acknowledge(id);
        post(id, "start", "{\"reason\":\"analysis drill\"}", 202);
        String slot = await(id, r -> r.getString("run.toSlot") != null, Duration.ofSeconds(90)).getString("run.toSlot");
        injectFault(fault + ",\"slot\":\"" + slot + "\",\"durationSeconds\":300}");
        return id;
    }

    /**
     * Starts two planned releases at the same instant: exactly one is accepted (202), the other is
     * refused (409) and stays PLANNED with nothing of it started. The accepted one's id.
     */
    private static String startOneOfTwoAtOnce(String first, String second) throws Exception {
        acknowledge(first);
        acknowledge(second);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = two.invokeAll(List.of(first, second).stream()
                    .map(id -> (java.util.concurrent.Callable<Integer>) () -> {
                        together.await();
                        return given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                                .body("{\"reason\":\"two at once\"}").when().post("/api/v1/releases/" + id + "/start").statusCode();
                    }).toList());
            List<Integer> statuses = List.of(answers.get(0).get(), answers.get(1).get());
            assertEquals(java.util.Set.of(202, 409), java.util.Set.copyOf(statuses), "exactly one of two releases started at once proceeds: " + statuses);
            String started = statuses.get(0) == 202 ? first : second;
            String refused = started.equals(first) ? second : first;
            JsonPath other = release(refused);
            assertEquals("PLANNED", other.getString("state"));
            assertEquals(null, other.getString("run.startedAt"), "the refused one did not start");
            return started;
        } finally {
            two.shutdownNow();
        }
    }

    /** The verdict of the newest uptime measurement (the view lists them oldest first). */
    private static String latestUptime(JsonPath release) {
        List<Object> verdicts = release.getList("measurements.findAll { it.check == 'uptime' }.verdict");
        return verdicts.isEmpty() ? null : String.valueOf(verdicts.get(verdicts.size() - 1));
    }

    /** Waits for the analysis to roll {@code id} back; asserts it did and how fast, then stops the writer. */
    private static JsonPath awaitAutomaticRollback(String id, FarmWriter writer) throws Exception {
        JsonPath rolledBack = await(id, r -> List.of("ROLLED_BACK", "FAILED", "COMPLETED").contains(r.getString("state")), Duration.ofMinutes(3));
        writer.close();
        assertEquals("ROLLED_BACK", rolledBack.getString("state"), rolledBack.prettify());
        assertEquals("analysis", rolledBack.getString("timeline.find { it.to == 'ROLLING_BACK' }.actor"));
        long rollbackMs = rolledBack.getLong("timeline.find { it.to == 'ROLLED_BACK' }.figures.rollbackMs");
        assertTrue(rollbackMs <= 10_000, "traffic back within 10 s of the first failing measurement: " + rollbackMs + " ms");
        assertEquals(rolledBack.getString("run.fromSlot"), target().activeSlot().orElseThrow(), "traffic is back on the previous slot");
        return rolledBack;
    }

    private static void injectFault(String body) throws Exception {
        java.net.http.HttpResponse<String> fault = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(LauncherResource.launcher.controlUrl() + "/api/v1/faults"))
                .header("Authorization", "Bearer " + LauncherResource.launcher.operatorToken()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, fault.statusCode(), fault.body());
    }

    private static void clearFaults() throws Exception {
        java.net.http.HttpResponse<String> cleared = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(LauncherResource.launcher.controlUrl() + "/api/v1/faults"))
                .header("Authorization", "Bearer " + LauncherResource.launcher.operatorToken()).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, cleared.statusCode(), cleared.body());
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

    /** The console's browser test on this platform, after the releases above (nested classes run after the methods). */
    @Nested
    class InTheConsole extends com.fincafacil.release.console.ConsoleFlow {
    }
}

package com.fincafacil.local.release;

import com.fincafacil.local.release.ReleaseServiceStandIn.Reply;
import com.fincafacil.local.release.ReleaseServiceStandIn.Request;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.fincafacil.local.release.ReleaseServiceStandIn.RELEASES;
import static com.fincafacil.local.release.ReleaseServiceStandIn.release;
import static com.fincafacil.local.release.ReleaseServiceStandIn.running;
import static com.fincafacil.local.release.ReleaseServiceStandIn.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./fincafacil release …} against a stand-in release-service: requests sent, output, exit codes. */
class ReleaseCommandTest {

    static final String ID = "5b0c6a52-6a1e-4c1e-9a57-2f0c3d1e7a10";
    static final String OTHER_ID = "0d9e1f20-3b4c-4d5e-8f60-718293a4b5c6";
    static final Map<String, String> WITH_TOKEN = Map.of("FINCAFACIL_TOKEN", "op-token");
    static final JsonObject PLANNED = step(null, "PLANNED", "2026-12-06T07:00:00Z", "local-operator", "planned",
            new JsonObject().put("runningVersion", "1.1.0"));
    static final JsonObject STARTED = step("PLANNED", "PLANNED", "2026-12-06T07:10:00Z", "local-operator", "started",
            new JsonObject().put("bypassesWindow", false));

    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return Arrays.asList(out.split("\n"));
        }
    }

    ReleaseServiceStandIn service;

    @BeforeEach
    void startStandIn() throws Exception {
        service = ReleaseServiceStandIn.start();
    }

    @AfterEach
    void stopStandIn() {
        service.close();
    }

    Result run(Map<String, String> environment, String... args) {
        return runAgainst(service.baseUrl(), environment, args);
    }

    static Result runAgainst(String baseUrl, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ReleaseContext context = new ReleaseContext(baseUrl, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofMillis(5), ZoneOffset.UTC);
        CommandLine cli = new CommandLine(new ReleaseCommand(context));
        cli.setOut(new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void plan_posts_version_kind_changes_and_artifact_with_the_token_and_prints_the_new_release() {
        service.answer(r -> Reply.json(201, release(ID, "1.2.0", List.of(PLANNED))));

        Result result = run(WITH_TOKEN, "plan", "1.2.0", "--kind", "minor", "--change", "Weights in kg", "--change", "CSV import",
                "--artifact", "1.2.0-rc");

        assertEquals(0, result.exit(), result.err());
        Request request = service.requests().get(0);
        assertEquals("POST " + RELEASES, request.line());
        assertEquals("Bearer op-token", request.authorization());
        assertEquals(new JsonObject().put("version", "1.2.0").put("kind", "minor")
                .put("changes", new JsonArray().add(new JsonObject().put("title", "Weights in kg")).add(new JsonObject().put("title", "CSV import")))
                .put("artifact", "1.2.0-rc"), request.json());
        assertTrue(result.out().contains("Planned 1.2.0 (minor) as " + ID + ": PLANNED, after 1.1.0."), result.out());
    }

    @Test
    void plan_without_changes_leaves_them_to_the_changelog() {
        service.answer(r -> Reply.json(201, release(ID, "1.2.0", List.of(PLANNED))));

        assertEquals(0, run(WITH_TOKEN, "plan", "1.2.0", "--kind", "patch").exit());

        assertEquals(new JsonObject().put("version", "1.2.0").put("kind", "patch"), service.requests().get(0).json());
    }

    @Test
    void start_follows_each_new_timeline_entry_once_until_completed() {
        service.answer(running(ID, "1.2.0", "start", List.of(PLANNED), STARTED, List.of(
                List.of(step("PLANNED", "CHECKED", "2026-12-06T07:10:01Z", "release-service", "step done",
                        new JsonObject().put("fromSlot", "blue").put("toSlot", "green").put("stepMs", 15))),
                List.of(step("CHECKED", "BACKED_UP", "2026-12-06T07:10:02Z", "release-service", "step done",
                                new JsonObject().put("rows", 40).put("durationMs", 120).put("stepMs", 130)),
                        step("BACKED_UP", "MIGRATED", "2026-12-06T07:10:05Z", "release-service", "step done",
                                new JsonObject().put("applied", new JsonArray().add("5")).put("durationMs", 900).put("stepMs", 950))),
                List.of(step("MIGRATED", "SWITCHED", "2026-12-06T07:10:20Z", "release-service", "step done",
                                new JsonObject().put("from", "blue").put("to", "green")),
                        step("SWITCHED", "MONITORING", "2026-12-06T07:10:21Z", "release-service", "step done",
                                new JsonObject().put("until", "2026-12-06T07:10:22Z")),
                        step("MONITORING", "COMPLETED", "2026-12-06T07:10:23Z", "release-service",
                                "monitoring ended (window passed or promoted)", new JsonObject())),
                List.of(step("COMPLETED", "COMPLETED", "2026-12-06T07:30:00Z", "release-service", "never reached", new JsonObject()))),
                r -> Reply.problem(404, "unexpected")));

        Result result = run(WITH_TOKEN, "start", ID, "--reason", "users asked");

        assertEquals(0, result.exit(), result.err());
        assertEquals(List.of("GET " + RELEASES + "/" + ID, "POST " + RELEASES + "/" + ID + "/start",
                "GET " + RELEASES + "/" + ID, "GET " + RELEASES + "/" + ID, "GET " + RELEASES + "/" + ID), service.requestLines());
        Request start = service.requests().get(1);
        assertEquals(new JsonObject().put("reason", "users asked"), start.json());
        assertEquals("Bearer op-token", start.authorization());
        assertEquals(List.of(
                "Release 1.2.0: start accepted (PLANNED).",
                "07:10:00  PLANNED                  local-operator     started  [bypassesWindow=false]",
                "07:10:01  PLANNED → CHECKED        release-service    step done  [fromSlot=blue toSlot=green stepMs=15]",
                "07:10:02  CHECKED → BACKED_UP      release-service    step done  [rows=40 durationMs=120 stepMs=130]",
                "07:10:05  BACKED_UP → MIGRATED     release-service    step done  [applied=[5] durationMs=900 stepMs=950]",
                "07:10:20  MIGRATED → SWITCHED      release-service    step done  [from=blue to=green]",
                "07:10:21  SWITCHED → MONITORING    release-service    step done  [until=2026-12-06T07:10:22Z]",
                "07:10:23  MONITORING → COMPLETED   release-service    monitoring ended (window passed or promoted)",
                "Release 1.2.0 COMPLETED."), result.outLines());
    }

    @Test
    void start_stops_following_at_monitoring_and_says_how_to_promote() {
        service.answer(running(ID, "1.2.0", "start", List.of(PLANNED), STARTED, List.of(
                List.of(step("SWITCHED", "MONITORING", "2026-12-06T07:10:21Z", "release-service", "step done",
                        new JsonObject().put("until", "2026-12-06T07:40:21Z"))),
                List.of(step("MONITORING", "COMPLETED", "2026-12-06T07:40:21Z", "release-service", "monitoring ended", new JsonObject()))),
                r -> Reply.problem(404, "unexpected")));

        Result result = run(WITH_TOKEN, "start", ID);

        assertEquals(0, result.exit(), result.err());
        assertEquals(new JsonObject(), service.requests().get(1).json());
        assertEquals(3, service.requests().size(), "no poll after MONITORING: " + service.requestLines());
        assertTrue(result.out().contains("monitoring until 2026-12-06 07:40:21; `./fincafacil release promote 1.2.0` to complete now, "
                + "`release status 1.2.0 --follow` to keep watching"), result.out());
        assertFalse(result.out().contains("COMPLETED"), result.out());
    }

    @Test
    void status_follow_watches_through_monitoring_until_the_release_completes() {
        JsonObject monitoring = step("SWITCHED", "MONITORING", "2026-12-06T07:10:21Z", "release-service", "step done",
                new JsonObject().put("until", "2026-12-06T07:40:21Z"));
        JsonObject completed = step("MONITORING", "COMPLETED", "2026-12-06T07:40:21Z", "release-service", "monitoring ended", new JsonObject());
        int[] gets = {0};
        service.answer(r -> Reply.json(200, release(ID, "1.2.0", ++gets[0] < 3 ? List.of(PLANNED, monitoring) : List.of(PLANNED, monitoring, completed))));

        Result result = run(WITH_TOKEN, "status", ID, "--follow");

        assertEquals(0, result.exit(), result.err());
        assertEquals(3, service.requests().size(), service.requestLines().toString());
        assertEquals(1, result.out().split("SWITCHED → MONITORING", -1).length - 1, "each entry once: " + result.out());
        assertTrue(result.out().endsWith("07:40:21  MONITORING → COMPLETED   release-service    monitoring ended\nRelease 1.2.0 COMPLETED.\n"), result.out());
    }

    @Test
    void a_followed_release_that_fails_exits_1_with_the_reason_the_log_and_how_to_retry() {
        service.answer(running(ID, "1.2.0", "start", List.of(PLANNED), STARTED, List.of(
                List.of(step("BACKED_UP", "FAILED", "2026-12-06T07:10:05Z", "release-service", "migrate: V5 failed",
                        new JsonObject().put("failedStep", "MIGRATED").put("trafficMoved", false)
                                .put("log", new JsonArray().add("ERROR: column \"kg\" exists"))))),
                r -> Reply.problem(404, "unexpected")));

        Result result = run(WITH_TOKEN, "start", "--token", "flag-token", ID);

        assertEquals(1, result.exit());
        assertTrue(result.out().contains("BACKED_UP → FAILED       release-service    migrate: V5 failed  [failedStep=MIGRATED trafficMoved=false]"), result.out());
        assertTrue(result.out().contains("ERROR: column \"kg\" exists"), result.out());
        assertTrue(result.err().contains("Release 1.2.0 ended FAILED: migrate: V5 failed."), result.err());
        assertTrue(result.err().contains("./fincafacil release retry 1.2.0"), result.err());
        assertTrue(service.requests().stream().allMatch(r -> "Bearer flag-token".equals(r.authorization())), "--token wins over the environment");
    }

    @Test
    void rollback_follows_until_rolled_back_and_counts_that_as_done() {
        JsonObject monitoring = step("SWITCHED", "MONITORING", "2026-12-06T07:10:21Z", "release-service", "step done", new JsonObject());
        service.answer(running(ID, "1.2.0", "rollback", List.of(PLANNED, monitoring),
                step("MONITORING", "ROLLING_BACK", "2026-12-06T07:15:00Z", "local-operator", "rollback asked by local-operator",
                        new JsonObject().put("to", "blue")),
                List.of(List.of(step("ROLLING_BACK", "ROLLED_BACK", "2026-12-06T07:15:02Z", "release-service", "traffic back on slot blue (1.1.0)",
                        new JsonObject().put("from", "green").put("to", "blue").put("stepMs", 800)))),
                r -> Reply.problem(404, "unexpected")));

        Result result = run(WITH_TOKEN, "rollback", ID);

        assertEquals(0, result.exit(), result.err());
        assertTrue(service.requestLines().contains("POST " + RELEASES + "/" + ID + "/rollback"), service.requestLines().toString());
        assertTrue(result.out().contains("07:15:00  MONITORING → ROLLING_BACK local-operator"), result.out());
        assertTrue(result.out().contains("ROLLING_BACK → ROLLED_BACK release-service    traffic back on slot blue (1.1.0)  [from=green to=blue stepMs=800]"),
                result.out());
        assertFalse(result.out().contains("SWITCHED → MONITORING"), "entries from before the rollback are not repeated: " + result.out());
    }

    @Test
    void a_start_refused_for_several_reasons_exits_2_and_lists_each_field() {
        service.answer(r -> r.method().equals("GET") ? Reply.json(200, release(ID, "2.0.0", List.of(PLANNED)))
                : Reply.problem(422, new JsonObject().put("detail", "The release cannot start now.").put("errors", new JsonArray()
                        .add(new JsonObject().put("field", "kind").put("message", "outside the deployment window; it opens at 2026-12-13T07:00:00Z"))
                        .add(new JsonObject().put("field", "approval").put("message", "a MAJOR release needs an admin's approval")))));

        Result result = run(WITH_TOKEN, "start", ID);

        assertEquals(2, result.exit());
        assertEquals("kind: outside the deployment window; it opens at 2026-12-13T07:00:00Z\n"
                + "approval: a MAJOR release needs an admin's approval\n", result.err());
        assertEquals(2, service.requests().size(), "nothing followed after a refusal: " + service.requestLines());
    }

    @Test
    void a_conflict_exits_1_with_the_detail_and_the_current_state() {
        service.answer(r -> Reply.problem(409, new JsonObject().put("detail", "Only a release in MONITORING can be promoted.")
                .put("current", new JsonObject().put("state", "PLANNED"))));

        Result result = run(WITH_TOKEN, "promote", ID);

        assertEquals(1, result.exit());
        assertEquals("POST " + RELEASES + "/" + ID + "/promote", service.requests().get(0).line());
        assertEquals("Only a release in MONITORING can be promoted.\ncurrent: {\"state\":\"PLANNED\"}\n", result.err());
    }

    @Test
    void an_unknown_release_exits_4() {
        service.answer(r -> Reply.problem(404, "No release " + OTHER_ID + "."));

        Result result = run(WITH_TOKEN, "status", OTHER_ID);

        assertEquals(4, result.exit());
        assertEquals(List.of("GET " + RELEASES + "/" + OTHER_ID), service.requestLines());
        assertTrue(result.err().contains("No release " + OTHER_ID + "."), result.err());
    }

    @Test
    void a_refused_token_exits_6_and_says_which_role_to_mint() {
        service.answer(r -> new Reply(401, null, null));
        Result list = run(WITH_TOKEN, "list");
        assertEquals(6, list.exit());
        assertTrue(list.err().contains("export FINCAFACIL_TOKEN=$(./fincafacil token --role operator)"), list.err());

        service.answer(r -> Reply.problem(403, "Only an admin approves."));
        Result approve = run(WITH_TOKEN, "approve", ID);
        assertEquals(6, approve.exit());
        assertTrue(approve.err().contains("Only an admin approves."), approve.err());
        assertTrue(approve.err().contains("--role admin"), approve.err());
    }

    @Test
    void release_service_not_listening_exits_5() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Result result = runAgainst("http://127.0.0.1:" + closedPort, WITH_TOKEN, "status", ID);

        assertEquals(5, result.exit());
        assertTrue(result.err().contains("release-service is not reachable at http://127.0.0.1:" + closedPort), result.err());
    }

    @Test
    void without_a_token_nothing_is_sent_and_the_exit_is_2_with_the_way_to_mint_one() {
        Result start = run(Map.of(), "start", "1.2.0");
        assertEquals(2, start.exit());
        assertTrue(start.err().contains("export FINCAFACIL_TOKEN=$(./fincafacil token --role operator)"), start.err());

        Result approve = run(Map.of("FINCAFACIL_TOKEN", " "), "approve", "1.2.0");
        assertEquals(2, approve.exit());
        assertTrue(approve.err().contains("export FINCAFACIL_TOKEN=$(./fincafacil token --role admin)"), approve.err());
        assertEquals(List.of(), service.requests());
    }

    @Test
    void a_version_is_resolved_to_its_id_through_the_list() {
        JsonArray list = new JsonArray()
                .add(new JsonObject().put("id", OTHER_ID).put("version", "1.2.0-rc.1").put("state", "FAILED"))
                .add(new JsonObject().put("id", ID).put("version", "1.2.0").put("state", "PLANNED"));
        service.answer(r -> r.line().equals("GET " + RELEASES) ? Reply.json(200, list)
                : Reply.json(200, release(ID, "1.2.0", List.of(PLANNED)).put("approval",
                        new JsonObject().put("by", "local-admin").put("at", "2026-12-06T07:05:00Z"))));

        Result result = run(Map.of("FINCAFACIL_TOKEN", "admin-token"), "approve", "1.2.0");

        assertEquals(0, result.exit(), result.err());
        assertEquals(List.of("GET " + RELEASES, "POST " + RELEASES + "/" + ID + "/approve"), service.requestLines());
        assertEquals("Release 1.2.0 approved by local-admin at 2026-12-06 07:05:00.\n", result.out());

        Result unknown = run(WITH_TOKEN, "ack", "9.9.9", "users_told");
        assertEquals(4, unknown.exit());
        assertTrue(unknown.err().contains("No release has version 9.9.9"), unknown.err());
        assertEquals("GET " + RELEASES, service.requestLines().get(2));
        assertEquals(3, service.requests().size(), "no ack sent for an unknown version");
    }

    @Test
    void ack_posts_the_item_and_its_note() {
        service.answer(r -> Reply.json(200, release(ID, "1.2.0", List.of(PLANNED))));

        Result result = run(WITH_TOKEN, "ack", ID, "users_told", "--note", "WhatsApp group, Friday");

        assertEquals(0, result.exit(), result.err());
        assertEquals("POST " + RELEASES + "/" + ID + "/acks", service.requests().get(0).line());
        assertEquals(new JsonObject().put("item", "users_told").put("note", "WhatsApp group, Friday"), service.requests().get(0).json());
        assertEquals("Release 1.2.0: users_told acknowledged.\n", result.out());
    }

    @Test
    void list_sends_its_filters_in_the_query_string_and_prints_one_line_per_release() {
        service.answer(r -> Reply.json(200, new JsonArray()
                .add(new JsonObject().put("id", ID).put("version", "1.2.0").put("kind", "minor").put("state", "PLANNED")
                        .put("createdAt", "2026-12-06T07:00:00Z"))
                .add(new JsonObject().put("id", OTHER_ID).put("version", "1.1.1").put("kind", "hotfix").put("state", "PLANNED"))));

        Result result = run(WITH_TOKEN, "list", "--state", "planned", "--from", "2026-12-01", "--to", "2026-12-08T00:00:00-05:00");

        assertEquals(0, result.exit(), result.err());
        assertEquals("GET " + RELEASES + "?state=planned&from=2026-12-01&to=2026-12-08T00%3A00%3A00-05%3A00", service.requests().get(0).line());
        assertEquals(List.of(
                "VERSION        KIND    STATE         PLANNED             ID",
                "1.2.0          minor   PLANNED       2026-12-06 07:00:00 " + ID,
                "1.1.1          hotfix  PLANNED       -                   " + OTHER_ID), result.outLines());
    }

    @Test
    void status_shows_slots_approval_gates_and_one_line_per_timeline_entry() {
        JsonObject r = release(ID, "1.2.0", List.of(PLANNED,
                        step("PLANNED", "PLANNED", "2026-12-06T07:05:00Z", "local-admin", "approved", new JsonObject()),
                        step("PLANNED", "CHECKED", "2026-12-06T07:10:01Z", "release-service", "step done",
                                new JsonObject().put("gates", new JsonObject().put("changelog", "passed").put("lastDrill", "not run"))
                                        .put("sha256", "0123456789abcdef0123"))))
                .put("approval", new JsonObject().put("by", "local-admin").put("at", "2026-12-06T07:05:00Z"))
                .put("run", new JsonObject().put("startedAt", "2026-12-06T07:10:00Z").put("startedBy", "local-operator")
                        .put("fromSlot", "blue").put("toSlot", "green"))
                .put("migrationKind", "EXPAND").put("targetSchemaVersion", "5")
                .put("gates", new JsonArray().add(new JsonObject().put("name", "changelog").put("kind", "AUTOMATED").put("status", "PASSED")
                        .put("detail", "## [1.2.0] found"))
                        .add(new JsonObject().put("name", "team_available").put("status", "PASSED")
                        .put("detail", "Ana on call").put("by", "local-operator").put("at", "2026-12-06T07:08:00Z")))
                .put("acknowledgements", new JsonArray().add(new JsonObject().put("item", "team_available").put("by", "local-operator")
                        .put("at", "2026-12-06T07:08:00Z").put("note", "Ana on call")));
        service.answer(req -> Reply.json(200, r));

        Result result = run(WITH_TOKEN, "status", ID);

        assertEquals(0, result.exit(), result.err());
        assertEquals(List.of(
                "Release 1.2.0 (minor)  id " + ID,
                "state:       CHECKED",
                "previous:    1.1.0",
                "artifact:    1.2.0",
                "planned:     2026-12-06 07:00:00 by local-operator",
                "approval:    local-admin at 2026-12-06 07:05:00",
                "started:     2026-12-06 07:10:00 by local-operator",
                "slots:       blue → green",
                "migrations:  EXPAND (schema to V5)",
                "gates:",
                "  changelog          PASSED     ## [1.2.0] found",
                "  team_available     PASSED     Ana on call  by local-operator at 2026-12-06 07:08:00",
                "acknowledgements:",
                "  team_available     by local-operator at 2026-12-06 07:08:00  Ana on call",
                "timeline:",
                "  07:00:00  → PLANNED                local-operator     planned  [runningVersion=1.1.0]",
                "  07:05:00  PLANNED                  local-admin        approved",
                "  07:10:01  PLANNED → CHECKED        release-service    step done  [gates={changelog: passed, lastDrill: not run} sha256=0123456789ab]"),
                result.outLines());

        Result json = run(WITH_TOKEN, "status", ID, "--json");
        assertEquals(r.encode() + "\n", json.out());
    }

    @Test
    void watch_prints_each_measurement_once_and_ends_with_the_release() {
        JsonObject first = new JsonObject().put("at", "2026-12-06T07:30:01Z").put("check", "error_rate").put("verdict", "SUCCESSFUL")
                .put("value", 0.0).put("threshold", 5.0).put("detail", "0 of 40 requests answered 5xx");
        JsonObject second = new JsonObject().put("at", "2026-12-06T07:30:02Z").put("check", "error_rate").put("verdict", "FAILED")
                .put("value", 100.0).put("threshold", 5.0).put("detail", "40 of 40 requests answered 5xx");
        int[] polls = {0};
        service.answer(r -> {
            JsonObject release = release(ID, "1.2.0", List.of(PLANNED));
            int poll = polls[0]++;
            release.put("state", poll < 2 ? "MONITORING" : "ROLLED_BACK")
                    .put("measurements", poll == 0 ? new JsonArray().add(first) : new JsonArray().add(first).add(second));
            return Reply.json(200, release);
        });

        Result result = run(WITH_TOKEN, "watch", ID);

        assertEquals(1, result.exit(), "a release that rolled back is not a success: " + result.err());
        assertEquals(1, result.outLines().stream().filter(l -> l.contains("SUCCESSFUL")).count(), result.out());
        assertTrue(result.out().contains("07:30:02  error_rate   FAILED            100.0 / 5.0      40 of 40 requests answered 5xx"),
                result.out());
        assertTrue(result.out().contains("state ROLLED_BACK"), result.out());
    }
}

package com.fincafacil.local.control;

import com.fincafacil.platform.FreePorts;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./fincafacil faults …} against a stand-in control API: the requests sent, what is printed, the exit codes. */
class FaultsCommandTest {

    record Request(String method, String path, String body) {
    }

    record Result(int exit, String out, String err) {
    }

    private HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "[]";

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Result run(String... args) {
        return runOn(server.getAddress().getPort(), args);
    }

    private static Result runOn(int port, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new FaultsCommand(() -> new ControlClient("http://127.0.0.1:" + port + "/api/v1", "t")));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    private static String problem(int status, String code, String detail) {
        return new JsonObject().put("status", status).put("code", code).put("detail", detail).encode();
    }

    @Test
    void add_abort_posts_only_the_options_given_and_prints_the_fault() {
        answer(201, "{\"id\":\"1a2b3c4d\",\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":50.0,\"status\":503,"
                + "\"method\":\"POST\",\"path\":\".*/sale$\",\"createdAt\":\"2026-12-01T10:00:00Z\",\"expiresAt\":\"2026-12-01T10:01:00Z\"}");
        Result r = run("add", "abort", "--slot", "green", "--percentage", "50", "--method", "POST", "--path", ".*/sale$", "--duration", "60");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(new Request("POST", "/api/v1/faults", new JsonObject().put("kind", "abort").put("slot", "green")
                .put("percentage", 50.0).put("method", "POST").put("path", ".*/sale$").put("durationSeconds", 60).encode())), requests);
        assertEquals("Fault 1a2b3c4d: abort 50% → 503 on slot green (POST .*/sale$) until 2026-12-01T10:01:00Z.\n", r.out());
    }

    @Test
    void add_delay_and_freeze_send_their_own_fields() {
        answer(201, "{\"id\":\"a\",\"kind\":\"delay\",\"slot\":\"green\",\"percentage\":100.0,\"delayMs\":800,"
                + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"expiresAt\":\"2026-12-01T10:01:00Z\"}");
        assertEquals(0, run("add", "delay", "--slot", "green", "--delay-ms", "800", "--duration", "60").exit());
        answer(201, "{\"id\":\"b\",\"kind\":\"freeze\",\"slot\":\"green\",\"pid\":42,"
                + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"expiresAt\":\"2026-12-01T10:00:30Z\"}");
        Result freeze = run("add", "freeze", "--slot", "green", "--duration", "30");
        assertEquals(0, freeze.exit());
        assertTrue(freeze.out().contains("freeze pid 42 stopped on slot green"), freeze.out());
        assertEquals("{\"kind\":\"delay\",\"slot\":\"green\",\"delayMs\":800,\"durationSeconds\":60}", requests.get(0).body());
        assertEquals("{\"kind\":\"freeze\",\"slot\":\"green\",\"durationSeconds\":30}", requests.get(1).body());
    }

    @Test
    void add_crash_names_the_service_and_says_it_is_started_again() {
        answer(200, "{\"id\":\"c\",\"kind\":\"crash\",\"service\":\"release-service\",\"pid\":4242,"
                + "\"createdAt\":\"2026-12-01T10:00:00Z\"}");
        Result r = run("add", "crash", "--service", "release-service");
        assertEquals(0, r.exit(), r.err());
        assertEquals("{\"kind\":\"crash\",\"service\":\"release-service\"}", requests.get(0).body());
        assertEquals("release-service killed (pid 4242); the platform starts it again.\n", r.out());
        answer(404, problem(404, "unknown_service", "No service 'farm'; the services are [flags-service, release-service, incident-service]."));
        Result unknown = run("add", "crash", "--service", "farm");
        assertEquals(4, unknown.exit());
        assertTrue(unknown.err().contains("No service 'farm'"), unknown.err());
    }

    @Test
    void add_crash_on_a_verb_arms_it_and_the_list_shows_whether_it_fired() {
        answer(201, "{\"id\":\"a1\",\"kind\":\"crash\",\"service\":\"release-service\",\"on\":\"deploy\",\"fired\":false,"
                + "\"createdAt\":\"2026-12-01T10:00:00Z\"}");
        Result r = run("add", "crash", "--service", "release-service", "--on", "deploy");
        assertEquals(0, r.exit(), r.err());
        assertEquals("{\"kind\":\"crash\",\"service\":\"release-service\",\"on\":\"deploy\"}", requests.get(0).body());
        assertEquals("Fault a1: release-service is killed when deploy is next asked for.\n", r.out());
        answer(200, "[{\"id\":\"a1\",\"kind\":\"crash\",\"service\":\"release-service\",\"on\":\"deploy\",\"fired\":true,"
                + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"firedAt\":\"2026-12-01T10:00:09Z\",\"pid\":4242}]");
        String[] lines = run().out().split("\n");
        assertTrue(lines[1].matches("a1 +crash +- +release-service killed +on deploy +-"), lines[1]);
        answer(200, "{\"id\":\"a1\",\"kind\":\"crash\",\"service\":\"release-service\",\"on\":\"deploy\"}");
        assertEquals("Removed fault a1 (crash of release-service).\n", run("clear", "a1").out());
    }

    @Test
    void list_prints_one_line_per_fault() {
        String expiresAt = java.time.Instant.now().plusSeconds(90).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        answer(200, "[{\"id\":\"1a2b3c4d\",\"kind\":\"delay\",\"slot\":\"blue\",\"percentage\":12.5,\"delayMs\":800,"
                + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"expiresAt\":\"" + expiresAt + "\"}]");
        Result r = run();
        assertEquals(0, r.exit());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[1].matches("1a2b3c4d +delay +blue +12\\.5% \\+800 ms +any request +" + expiresAt + " \\(in (8[89]|90) s\\)"), lines[1]);
        assertEquals("GET", requests.get(0).method());
    }

    @Test
    void clear_deletes_one_fault_or_all_of_them() {
        answer(200, "{\"id\":\"1a2b3c4d\",\"kind\":\"freeze\",\"slot\":\"green\"}");
        assertEquals("Removed fault 1a2b3c4d (freeze on slot green).\n", run("clear", "1a2b3c4d").out());
        answer(200, "{\"removed\":[{},{}]}");
        assertEquals("Removed 2 fault(s).\n", run("clear").out());
        assertEquals(List.of("DELETE /api/v1/faults/1a2b3c4d", "DELETE /api/v1/faults"),
                requests.stream().map(q -> q.method() + " " + q.path()).toList());
    }

    @Test
    void faults_not_allowed_is_a_refusal_that_says_how_to_allow_them() {
        answer(403, problem(403, "faults_not_allowed", "Fault injection is off. Start the platform with ./fincafacil up --allow-faults."));
        Result r = run("add", "freeze", "--slot", "green", "--duration", "30");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("--allow-faults"), r.err());
    }

    @Test
    void exit_codes_follow_the_control_commands() {
        answer(403, problem(403, "forbidden", "The control API needs the operator role."));
        assertEquals(6, run().exit(), "a token refused");
        answer(401, problem(401, "unauthenticated", "A valid operator bearer token is required."));
        assertEquals(6, run().exit());
        answer(400, problem(400, "invalid_request", "\"durationSeconds\" must be a whole number from 1 to 86400."));
        Result bad = run("add", "abort", "--slot", "green", "--percentage", "5", "--duration", "0");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("durationSeconds"), bad.err());
        answer(404, problem(404, "unknown_fault", "No fault 'zz' in force."));
        assertEquals(4, run("clear", "zz").exit());
        answer(409, problem(409, "slot_frozen", "Slot green is frozen already."));
        assertEquals(1, run("add", "freeze", "--slot", "green", "--duration", "30").exit());
        assertEquals(5, runOn(FreePorts.next()).exit(), "nothing listening");
    }

    @Test
    void a_missing_option_is_bad_usage_and_sends_nothing() {
        assertEquals(2, run("add", "abort", "--slot", "green", "--duration", "60").exit(), "no --percentage");
        assertEquals(2, run("add", "delay", "--slot", "green", "--duration", "60").exit(), "no --delay-ms");
        assertEquals(2, run("add").exit(), "no kind");
        assertEquals(List.of(), requests);
    }
}

package com.fincafacil.local.incident;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report}, {@code dora} and {@code incidents} against a stand-in incident-service: requests, output, exit codes. */
class IncidentCommandsTest {

    static final Map<String, String> WITH_TOKEN = Map.of("FINCAFACIL_TOKEN", "viewer-token");
    static final String REPORT = "DESPLIEGUE: v1.0.1\nFECHA: 28 dic 2024, 02:15 AM\nDURACIÓN: 8 minutos\nESTADO: ✅ EXITOSO\n";

    record Reply(int status, String contentType, String body) {
    }

    record Result(int exit, String out, String err) {
    }

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile Function<String, Reply> answers;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            requests.add(exchange.getRequestMethod() + " " + uri + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            Reply reply = answers.apply(uri);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Result run(String baseUrl, Map<String, String> environment, Function<IncidentContext, Object> command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        IncidentContext context = new IncidentContext(baseUrl, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(command.apply(context)).execute(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void report_prints_the_seed_text_of_a_version_with_the_token() {
        answers = uri -> new Reply(200, "text/plain;charset=UTF-8", REPORT);
        Result r = run(url(), WITH_TOKEN, ReportCommand::new, "v1.0.1");
        assertEquals(0, r.exit());
        assertEquals(REPORT, r.out());
        assertEquals(List.of("GET /api/v1/reports/1.0.1/text Bearer viewer-token"), requests);
    }

    @Test
    void an_unknown_version_is_exit_4_and_a_bad_one_exit_2_with_the_services_words() {
        answers = uri -> uri.contains("9.9.9")
                ? new Reply(404, "application/problem+json", "{\"status\":404,\"detail\":\"No deployment of version 9.9.9 has been recorded.\"}")
                : new Reply(400, "application/problem+json", "{\"status\":400,\"field\":\"version\",\"detail\":\"'1.2.3-' is not a semantic version.\"}");
        Result unknown = run(url(), WITH_TOKEN, ReportCommand::new, "9.9.9");
        assertEquals(4, unknown.exit());
        assertTrue(unknown.err().contains("No deployment of version 9.9.9"));
        Result bad = run(url(), WITH_TOKEN, ReportCommand::new, "1.2.3-");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("version: "), bad.err());
    }

    @Test
    void dora_asks_for_the_period_and_prints_the_summary() {
        answers = uri -> new Reply(200, "text/plain;charset=UTF-8", "MÉTRICAS DORA: produccion, últimos 30 días\n");
        Result r = run(url(), WITH_TOKEN, DoraCommand::new, "--days", "30");
        assertEquals(0, r.exit());
        assertEquals("MÉTRICAS DORA: produccion, últimos 30 días\n", r.out());
        assertEquals(List.of("GET /api/v1/dora/text?days=30 Bearer viewer-token"), requests);
    }

    @Test
    void incidents_are_listed_one_a_line_and_overdue_postmortems_on_request() {
        answers = uri -> new Reply(200, "application/json", uri.contains("overdue") ? "[]"
                : "[{\"id\":\"5b0c6a52-6a1e-4c1e-9a57-2f0c3d1e7a10\",\"title\":\"Despliegue v1.2.0 revertido\",\"severity\":\"SEV2\","
                + "\"status\":\"OPEN\",\"releaseVersion\":\"1.2.0\",\"openedAt\":\"2026-12-06T07:20:00Z\",\"postmortemDue\":\"2026-12-07T07:20:00Z\"}]");
        Result list = run(url(), WITH_TOKEN, IncidentsCommand::new, "--status", "OPEN");
        assertEquals(0, list.exit());
        String[] lines = list.out().split("\n");
        assertEquals(2, lines.length);
        assertEquals("5b0c6a52-6a1e-4c1e-9a57-2f0c3d1e7a10  SEV2  OPEN          2026-12-06 07:20Z     2026-12-07 07:20Z     "
                + "Despliegue v1.2.0 revertido (v1.2.0)", lines[1]);
        Result overdue = run(url(), WITH_TOKEN, IncidentsCommand::new, "--overdue");
        assertEquals("Ningún post-mortem vencido.\n", overdue.out());
        assertEquals(List.of("GET /api/v1/incidents?status=OPEN Bearer viewer-token", "GET /api/v1/postmortems/overdue Bearer viewer-token"),
                requests);
    }

    @Test
    void no_token_a_refused_token_and_an_absent_service_have_their_exit_codes() throws Exception {
        answers = uri -> new Reply(403, "application/problem+json", "{\"status\":403,\"detail\":\"Your role does not allow this action.\"}");
        assertEquals(2, run(url(), Map.of(), IncidentsCommand::new).exit());
        assertTrue(requests.isEmpty(), "nothing is asked without a token");
        Result denied = run(url(), WITH_TOKEN, IncidentsCommand::new);
        assertEquals(6, denied.exit());
        assertTrue(denied.err().contains("./fincafacil token --role viewer"));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertEquals(5, run("http://127.0.0.1:" + closed, WITH_TOKEN, DoraCommand::new).exit());
    }
}

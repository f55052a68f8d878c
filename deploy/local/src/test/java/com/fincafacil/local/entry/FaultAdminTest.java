package com.fincafacil.local.entry;

import com.fincafacil.local.control.OperatorAuth;
import com.fincafacil.platform.KafkaBroker;
import com.fincafacil.platform.OperatorTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entry's /faults verbs over HTTP: who may call them, what they refuse and in which words, what they answer. */
class FaultAdminTest {

    private static Path keys;
    private static Vertx vertx;
    private static String allowedUrl;
    private static String refusedUrl;
    private static String operator;
    private static String viewer;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        keys = Files.createTempDirectory("fincafacil-fault-admin-");
        OperatorTokens tokens = OperatorTokens.inDirectory(keys);
        operator = tokens.mint("test", "operator", Duration.ofMinutes(10));
        viewer = tokens.mint("test", "viewer", Duration.ofMinutes(10));
        vertx = Vertx.vertx();
        OperatorAuth auth = OperatorAuth.withPublicKey(tokens.publicKeyFile());
        allowedUrl = admin(auth, true);
        refusedUrl = admin(auth, false);
    }

    private static String admin(OperatorAuth auth, boolean allowed) throws Exception {
        Router router = Router.router(vertx);
        FaultAdmin.mount(router, new FaultTable(), Set.of("blue", "green"), auth, allowed);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return "http://127.0.0.1:" + server.actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        KafkaBroker.deleteTree(keys);
    }

    private static HttpResponse<String> call(String base, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String ABORT = "{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":12.5,\"durationSeconds\":60}";

    @Test
    void faults_are_refused_with_a_pointer_to_allow_faults_when_the_entry_was_not_started_with_it() throws Exception {
        for (String[] verb : new String[][]{{"GET", "/faults"}, {"POST", "/faults"}, {"DELETE", "/faults"}, {"DELETE", "/faults/x"}}) {
            HttpResponse<String> r = call(refusedUrl, verb[0], verb[1], operator, verb[0].equals("POST") ? ABORT : null);
            assertEquals(403, r.statusCode(), verb[0] + " " + verb[1]);
            JsonObject problem = new JsonObject(r.body());
            assertEquals("faults_not_allowed", problem.getString("code"));
            assertTrue(problem.getString("detail").contains("./fincafacil up --allow-faults"), r.body());
        }
    }

    @Test
    void faults_need_an_operator_token() throws Exception {
        HttpResponse<String> none = call(allowedUrl, "POST", "/faults", null, ABORT);
        assertEquals(401, none.statusCode());
        assertEquals("unauthenticated", new JsonObject(none.body()).getString("code"));
        HttpResponse<String> asViewer = call(allowedUrl, "POST", "/faults", viewer, ABORT);
        assertEquals(403, asViewer.statusCode());
        assertEquals("forbidden", new JsonObject(asViewer.body()).getString("code"));
        assertEquals("[]", call(allowedUrl, "GET", "/faults", operator, null).body(), "nothing was added");
    }

    @Test
    void a_fault_is_created_listed_and_removed_by_id_or_all_at_once() throws Exception {
        HttpResponse<String> created = call(allowedUrl, "POST", "/faults", operator, ABORT);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject fault = new JsonObject(created.body());
        String id = fault.getString("id");
        assertEquals("/faults/" + id, created.headers().firstValue("Location").orElse(""));
        assertEquals("abort", fault.getString("kind"));
        assertEquals("green", fault.getString("slot"));
        assertEquals(12.5, fault.getDouble("percentage"));
        assertEquals(503, fault.getInteger("status"), "the default status");
        assertNull(fault.getValue("delayMs"));
        assertEquals(Instant.parse(fault.getString("createdAt")).plusSeconds(60), Instant.parse(fault.getString("expiresAt")));

        JsonArray listed = new JsonArray(call(allowedUrl, "GET", "/faults", operator, null).body());
        assertEquals(1, listed.size());
        assertEquals(fault, listed.getJsonObject(0));

        assertEquals(200, call(allowedUrl, "DELETE", "/faults/" + id, operator, null).statusCode());
        HttpResponse<String> again = call(allowedUrl, "DELETE", "/faults/" + id, operator, null);
        assertEquals(404, again.statusCode());
        assertEquals("id", new JsonObject(again.body()).getString("field"));

        call(allowedUrl, "POST", "/faults", operator, ABORT);
        call(allowedUrl, "POST", "/faults", operator, "{\"kind\":\"delay\",\"slot\":\"blue\",\"delayMs\":800,\"durationSeconds\":30}");
        JsonObject cleared = new JsonObject(call(allowedUrl, "DELETE", "/faults", operator, null).body());
        assertEquals(2, cleared.getJsonArray("removed").size());
        assertEquals("[]", call(allowedUrl, "GET", "/faults", operator, null).body());
    }

    static Stream<Arguments> badFaults() {
        return Stream.of(
                Arguments.of("not json", null),
                Arguments.of("[1]", null),
                Arguments.of("{\"slot\":\"green\",\"percentage\":5,\"durationSeconds\":60}", "kind"),
                Arguments.of("{\"kind\":\"freeze\",\"slot\":\"green\",\"durationSeconds\":60}", "kind"),
                Arguments.of("{\"kind\":\"abort\",\"percentage\":5,\"durationSeconds\":60}", "slot"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"durationSeconds\":60}", "percentage"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":100.5,\"durationSeconds\":60}", "percentage"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":\"50\",\"durationSeconds\":60}", "percentage"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":5,\"status\":302,\"durationSeconds\":60}", "status"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":5,\"status\":503.5,\"durationSeconds\":60}", "status"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":5,\"delayMs\":10,\"durationSeconds\":60}", "delayMs"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":5,\"method\":\"PO ST\",\"durationSeconds\":60}", "method"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":5,\"path\":\"(\",\"durationSeconds\":60}", "path"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percent\":5,\"durationSeconds\":60}", "percent"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":5}", "durationSeconds"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":5,\"durationSeconds\":0}", "durationSeconds"),
                Arguments.of("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":5,\"durationSeconds\":86401}", "durationSeconds"),
                Arguments.of("{\"kind\":\"delay\",\"slot\":\"green\",\"durationSeconds\":60}", "delayMs"),
                Arguments.of("{\"kind\":\"delay\",\"slot\":\"green\",\"delayMs\":60001,\"durationSeconds\":60}", "delayMs"),
                Arguments.of("{\"kind\":\"delay\",\"slot\":\"green\",\"delayMs\":100,\"status\":503,\"durationSeconds\":60}", "status"));
    }

    @ParameterizedTest
    @MethodSource("badFaults")
    void bad_input_is_a_400_naming_the_field_and_adds_nothing(String body, String field) throws Exception {
        HttpResponse<String> r = call(allowedUrl, "POST", "/faults", operator, body);
        assertEquals(400, r.statusCode(), r.body());
        JsonObject problem = new JsonObject(r.body());
        assertEquals(field, problem.getString("field"), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertFalse(r.body().contains("Exception"), r.body());
        assertEquals("[]", call(allowedUrl, "GET", "/faults", operator, null).body());
    }

    @Test
    void an_unknown_slot_is_a_404_naming_slot() throws Exception {
        HttpResponse<String> r = call(allowedUrl, "POST", "/faults", operator,
                "{\"kind\":\"delay\",\"slot\":\"purple\",\"delayMs\":100,\"durationSeconds\":60}");
        assertEquals(404, r.statusCode());
        assertEquals(Map.of("code", "unknown_slot", "field", "slot"), Map.of("code", new JsonObject(r.body()).getString("code"),
                "field", new JsonObject(r.body()).getString("field")));
    }
}

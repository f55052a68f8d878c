package com.fincafacil.local.entry;

import com.fincafacil.local.PlatformLayout;
import com.fincafacil.local.faults.Fault;
import com.fincafacil.local.faults.FaultRequest;
import com.fincafacil.platform.FreePorts;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults injected by the entry on two stand-in slots: who answers, what is counted, what a delay costs. */
class TrafficEntryFaultsTest {

    private Vertx vertx;
    private TrafficEntry entry;
    private FaultTable faults;
    private EntryMetrics metrics;
    private int entryPort;
    private final Map<String, AtomicInteger> received = Map.of("blue", new AtomicInteger(), "green", new AtomicInteger());
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        metrics = new EntryMetrics();
        faults = new FaultTable();
        entry = new TrafficEntry(vertx, Map.of("blue", slot("blue"), "green", slot("green")), "blue", metrics, faults);
        entryPort = FreePorts.next();
        entry.listen(entryPort);
    }

    @AfterEach
    void stop() throws Exception {
        entry.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** A slot that answers "name bytes", bytes being the length of the body it received, and counts requests. */
    private int slot(String name) throws Exception {
        return vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            received.get(name).incrementAndGet();
            req.response().end(name + " " + body.length());
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
    }

    private Fault inject(String json) throws Exception {
        return faults.add(FaultRequest.parse(json, PlatformLayout.SLOTS, EnumSet.of(FaultRequest.Kind.ABORT, FaultRequest.Kind.DELAY)));
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return sendAsync(method, path, body).get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String body) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + entryPort + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_abort_of_every_request_to_the_active_slot_is_answered_by_the_entry_and_counted_for_that_slot() throws Exception {
        Fault fault = inject("{\"kind\":\"abort\",\"slot\":\"blue\",\"percentage\":100,\"durationSeconds\":60}");
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = send("GET", "/api/v1/fincas", null);
            assertEquals(503, r.statusCode());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals(fault.id(), r.headers().firstValue(InjectedAbort.HEADER).orElse(""));
            JsonObject problem = new JsonObject(r.body());
            assertEquals("Injected fault", problem.getString("title"));
            assertEquals(503, problem.getInteger("status"));
        }
        assertEquals(0, received.get("blue").get(), "blue never saw the aborted requests");
        String scrape = metrics.scrape();
        assertEquals(20, metric(scrape, "fincafacil_entry_requests_seconds_count{slot=\"blue\",status=\"503\"}"), scrape);
        assertEquals(20, metric(scrape, "fincafacil_entry_server_errors_total{slot=\"blue\"}"), scrape);
        assertEquals(20, metric(scrape, "fincafacil_entry_injected_faults_total{kind=\"abort\",slot=\"blue\"}"), scrape);
        assertEquals(0, entry.inFlight("blue"), "aborted requests are counted out of the slot");
    }

    @Test
    void an_abort_of_half_the_requests_answers_about_half_and_passes_the_rest_on() throws Exception {
        inject("{\"kind\":\"abort\",\"slot\":\"blue\",\"percentage\":50,\"status\":500,\"durationSeconds\":60}");
        int total = 1000;
        int aborted = 0;
        for (int batch = 0; batch < total / 20; batch++) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(sendAsync("GET", "/x", null));
            }
            for (var r : sent) {
                int status = r.get(10, TimeUnit.SECONDS).statusCode();
                assertTrue(status == 500 || status == 200, "status " + status);
                aborted += status == 500 ? 1 : 0;
            }
        }
        // binomial(1000, 0.5): sd 15.8, so 400..600 is more than 6 sd either side
        assertTrue(aborted >= 400 && aborted <= 600, "aborted " + aborted + " of " + total);
        assertEquals(total - aborted, received.get("blue").get(), "the others reached blue");
        assertEquals(aborted, metric(metrics.scrape(), "fincafacil_entry_requests_seconds_count{slot=\"blue\",status=\"500\"}"));
    }

    @Test
    void a_fault_with_a_method_and_path_only_takes_the_requests_that_match_both() throws Exception {
        inject("{\"kind\":\"abort\",\"slot\":\"blue\",\"percentage\":100,\"method\":\"post\",\"path\":\".*/sale$\",\"durationSeconds\":60}");
        assertEquals(503, send("POST", "/api/v1/fincas/f1/animals/a1/sale", "{}").statusCode());
        assertEquals(503, send("POST", "/api/v1/fincas/f1/animals/a1/sale?notify=true", "{}").statusCode(), "the query is not part of the path");
        assertEquals(200, send("GET", "/api/v1/fincas/f1/animals/a1/sale", null).statusCode());
        assertEquals(200, send("POST", "/api/v1/fincas/f1/animals/a1/sales", "{}").statusCode());
        assertEquals(200, send("POST", "/api/v1/fincas/f1/animals", "{}").statusCode());
        assertEquals(3, received.get("blue").get());
    }

    @Test
    void a_delay_holds_each_request_before_the_slot_gets_it_whole_and_shows_in_the_latency_histogram() throws Exception {
        inject("{\"kind\":\"delay\",\"slot\":\"blue\",\"delayMs\":400,\"durationSeconds\":60}");
        String upload = "x".repeat(200_000);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = send("POST", "/api/v1/import", upload);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(200, r.statusCode());
            assertEquals("blue 200000", r.body(), "the body held during the delay reached the slot whole");
            assertTrue(ms >= 400, "took " + ms + " ms");
        }
        String scrape = metrics.scrape();
        assertEquals(3, metric(scrape, "fincafacil_entry_requests_seconds_count{slot=\"blue\",status=\"200\"}"), scrape);
        assertEquals(0, metric(scrape, "fincafacil_entry_requests_seconds_bucket{slot=\"blue\",status=\"200\",le=\"0.25\"}"), scrape);
        assertTrue(metric(scrape, "fincafacil_entry_requests_seconds_sum{slot=\"blue\",status=\"200\"}") >= 1.2, scrape);
        assertEquals(3, metric(scrape, "fincafacil_entry_injected_faults_total{kind=\"delay\",slot=\"blue\"}"), scrape);
    }

    @Test
    void a_fault_is_removed_at_its_expiry() throws Exception {
        Fault fault = inject("{\"kind\":\"abort\",\"slot\":\"blue\",\"percentage\":100,\"durationSeconds\":1}");
        assertEquals(fault.createdAt().plusSeconds(1), fault.expiresAt());
        assertEquals(503, send("GET", "/x", null).statusCode());
        while (Instant.now().isBefore(fault.expiresAt())) {
            Thread.sleep(50);
        }
        assertEquals(200, send("GET", "/x", null).statusCode());
        assertEquals(List.of(), faults.list());
    }

    @Test
    void a_fault_on_the_idle_slot_leaves_the_active_one_alone_and_takes_its_slot_once_it_is_active() throws Exception {
        inject("{\"kind\":\"abort\",\"slot\":\"green\",\"percentage\":100,\"status\":502,\"durationSeconds\":60}");
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = send("GET", "/x", null);
            assertEquals(200, r.statusCode());
            assertEquals("blue 0", r.body());
        }
        entry.switchTo("green");
        assertEquals(502, send("GET", "/x", null).statusCode());
        assertEquals(0, received.get("green").get());
        String scrape = metrics.scrape();
        assertEquals(1, metric(scrape, "fincafacil_entry_requests_seconds_count{slot=\"green\",status=\"502\"}"), scrape);
        assertEquals(0, metric(scrape, "fincafacil_entry_requests_seconds_count{slot=\"blue\",status=\"502\"}"), scrape);
    }

    /** A sample's value in a Prometheus scrape; 0 when the series is absent. */
    private static double metric(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

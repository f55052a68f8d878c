package com.fincafacil.local.entry;

import com.fincafacil.platform.FreePorts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entry's switch on two small stand-in slots: where requests go, what is closed, what is counted. */
class TrafficEntryTest {

    private Vertx vertx;
    private TrafficEntry entry;
    private final Map<String, AtomicInteger> open = Map.of("blue", new AtomicInteger(), "green", new AtomicInteger());
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int entryPort;
    private EntryMetrics metrics;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        int blue = slot("blue");
        int green = slot("green");
        metrics = new EntryMetrics();
        entry = new TrafficEntry(vertx, Map.of("blue", blue, "green", green, "dead", FreePorts.next()), "blue", metrics);
        entryPort = FreePorts.next();
        entry.listen(entryPort);
    }

    @AfterEach
    void stop() throws Exception {
        entry.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** A slot that answers its own name (or the request header {@code ?echo} names), after {@code ?delayMs}, and counts its open connections. */
    private int slot(String name) throws Exception {
        HttpServer server = vertx.createHttpServer()
                .connectionHandler(conn -> {
                    open.get(name).incrementAndGet();
                    conn.closeHandler(v -> open.get(name).decrementAndGet());
                })
                .requestHandler(req -> {
                    String delay = req.getParam("delayMs");
                    String echo = req.getParam("echo");
                    String body = echo == null ? name : String.valueOf(req.getHeader(echo));
                    vertx.setTimer(delay == null ? 1 : Long.parseLong(delay), t -> req.response().end(body));
                });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
    }

    private CompletableFuture<HttpResponse<String>> get(String query) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + entryPort + "/x" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_request_in_flight_finishes_on_the_slot_that_took_it_and_new_ones_go_to_the_new_slot() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = get("?delayMs=800");
        Thread.sleep(200);
        entry.switchTo("green");
        assertEquals("green", get("").get(5, TimeUnit.SECONDS).body());
        HttpResponse<String> finished = slow.get(5, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode());
        assertEquals("blue", finished.body());
    }

    @Test
    void keep_alive_connections_to_the_old_slot_close_once_its_last_request_is_answered() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals("blue", get("").get(5, TimeUnit.SECONDS).body());
        }
        assertTrue(open.get("blue").get() > 0, "the entry keeps its connections to blue alive");
        CompletableFuture<HttpResponse<String>> slow = get("?delayMs=600");
        Thread.sleep(150);
        entry.switchTo("green");
        assertEquals("green", get("").get(5, TimeUnit.SECONDS).body());
        assertTrue(open.get("blue").get() > 0, "blue's connection stays while its request is in flight");
        assertEquals("blue", slow.get(5, TimeUnit.SECONDS).body());
        long deadline = System.currentTimeMillis() + 3000;
        while (open.get("blue").get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, open.get("blue").get(), "blue's pooled connections were closed");
        assertTrue(open.get("green").get() > 0);
    }

    @Test
    void switching_back_before_the_old_pool_closed_keeps_serving() throws Exception {
        for (int i = 0; i < 20; i++) {
            entry.switchTo(i % 2 == 0 ? "green" : "blue");
            String expected = entry.activeSlot();
            assertEquals(expected, get("").get(5, TimeUnit.SECONDS).body());
        }
    }

    @Test
    void a_slot_that_never_answers_is_counted_as_a_server_error_of_that_slot() throws Exception {
        entry.switchTo("dead");
        assertEquals(502, get("").get(5, TimeUnit.SECONDS).statusCode());
        entry.switchTo("blue");
        assertEquals(200, get("").get(5, TimeUnit.SECONDS).statusCode());
        // the entry counts a request when its answer has ended, which may be just after the client read it
        String scrape = metrics.scrape();
        for (int i = 0; i < 100 && !scrape.contains("fincafacil_entry_requests_seconds_count{slot=\"blue\",status=\"200\"}"); i++) {
            Thread.sleep(20);
            scrape = metrics.scrape();
        }
        assertTrue(scrape.contains("fincafacil_entry_server_errors_total{slot=\"dead\"} 1.0"), scrape);
        assertTrue(scrape.contains("fincafacil_entry_requests_seconds_count{slot=\"blue\",status=\"200\"} 1"), scrape);
        assertTrue(scrape.contains("fincafacil_entry_requests_seconds_bucket{slot=\"blue\",status=\"200\",le=\"0.5\"} 1"), scrape);
        assertTrue(scrape.contains("fincafacil_entry_active{slot=\"blue\"} 1.0"), scrape);
    }

    @Test
    void the_slot_is_told_the_address_the_client_used_and_a_client_cannot_forge_it() throws Exception {
        assertEquals("127.0.0.1:" + entryPort, echoed("X-Forwarded-Host"));
        assertEquals("http", echoed("X-Forwarded-Proto"));
        assertEquals("127.0.0.1", echoed("X-Forwarded-For"));
        assertEquals("null", echoed("Forwarded"));
    }

    private String echoed(String header) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + entryPort + "/x?echo=" + header))
                .header("X-Forwarded-Host", "forged.example").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "10.9.9.9").header("Forwarded", "host=forged.example;proto=https")
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}

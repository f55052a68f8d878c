package com.fincafacil.release.client;

import com.fincafacil.release.domain.analysis.TrafficSample;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Prometheus source against a local HTTP server that answers the instant-query API the way
 * Prometheus does (values as strings, one series per label set), and refuses a query it cannot run.
 */
class PrometheusApiTest {

    private static final PrometheusApi.Queries QUERIES = new PrometheusApi.Queries("REQ", "ERR", "BUCKETS", "slot");

    private HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile Map<String, String> answers;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/query", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("query=".length()), StandardCharsets.UTF_8);
            asked.add(query);
            String body = answers.getOrDefault(query, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.contains("\"error\"") ? 400 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String vector(String... series) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + String.join(",", series) + "]}}";
    }

    private static String series(String labels, String value) {
        return "{\"metric\":{" + labels + "},\"value\":[1764480000.123,\"" + value + "\"]}";
    }

    @Test
    void each_slots_counters_come_from_the_three_queries() {
        answers = Map.of(
                "REQ", vector(series("\"slot\":\"green\"", "100"), series("\"slot\":\"blue\"", "7"), series("", "3")),
                "ERR", vector(series("\"slot\":\"green\"", "4")),
                "BUCKETS", vector(series("\"slot\":\"green\",\"le\":\"0.1\"", "94"), series("\"slot\":\"green\",\"le\":\"0.5\"", "99"),
                        series("\"slot\":\"green\",\"le\":\"+Inf\"", "100"), series("\"slot\":\"blue\",\"le\":\"+Inf\"", "NaN")));
        Map<String, TrafficSample> bySlot = new PrometheusApi("http://127.0.0.1:" + server.getAddress().getPort() + "/", QUERIES).traffic();
        TrafficSample green = bySlot.get("green");
        assertEquals(100, green.requests());
        assertEquals(4, green.serverErrors());
        assertEquals(94L, green.latencyBuckets().get(0.1));
        assertEquals(100L, green.latencyBuckets().get(Double.POSITIVE_INFINITY));
        assertEquals(500.0, green.quantileMillis(0.99));
        assertEquals(7, bySlot.get("blue").requests());
        assertEquals(0, bySlot.get("blue").serverErrors());
        assertEquals(0L, bySlot.get("blue").latencyBuckets().get(Double.POSITIVE_INFINITY), "NaN is no data");
        assertEquals(2, bySlot.size(), "a series without the slot label belongs to no slot");
        assertEquals(List.of("REQ", "ERR", "BUCKETS"), asked);
    }

    @Test
    void a_query_prometheus_refuses_is_an_error_naming_it() {
        answers = Map.of("REQ", vector(), "ERR", vector());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PrometheusApi("http://127.0.0.1:" + server.getAddress().getPort(), QUERIES).traffic());
        assertTrue(e.getMessage().contains("BUCKETS") && e.getMessage().contains("parse error"), e.getMessage());
    }
}

package com.fincafacil.release;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A farm app registering animals through the traffic entry for as long as a release runs: it keeps
 * every ear tag the platform acknowledged (201) and every answer that was not one, so a test can
 * check that each acknowledged write is in the farm database exactly once.
 */
final class FarmWriter implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String animals;
    private final String apiKey;
    private final String prefix;
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    final String fincaId;

    private FarmWriter(String trafficUrl, String fincaId, String apiKey, String prefix) {
        this.fincaId = fincaId;
        this.animals = trafficUrl + "/api/v1/fincas/" + fincaId + "/animals";
        this.apiKey = apiKey;
        this.prefix = prefix;
        this.thread = new Thread(this::write, "farm-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Creates a finca and its API key through the entry (with an operator token), then starts writing. */
    static FarmWriter start(String trafficUrl, String operatorToken, String prefix) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String finca = post(http, trafficUrl + "/api/v1/admin/fincas", operatorToken,
                "{\"name\":\"Finca " + prefix + "\",\"department\":\"Córdoba\",\"municipality\":\"Montería\",\"deploymentLevel\":\"piloto\"}");
        String fincaId = field(finca, "id");
        String key = field(post(http, trafficUrl + "/api/v1/admin/fincas/" + fincaId + "/api-keys", operatorToken,
                "{\"label\":\"release test\"}"), "key");
        return new FarmWriter(trafficUrl, fincaId, key, prefix);
    }

    private void write() {
        for (int i = 0; running.get(); i++) {
            String tag = prefix + "-" + i;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(animals)).timeout(Duration.ofSeconds(10))
                        .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                        .header("Idempotency-Key", tag)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"earTag\":\"" + tag + "\",\"sex\":\"hembra\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    acknowledged.add(tag);
                } else {
                    refused.put(tag, r.statusCode() + " " + r.body());
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                refused.put(tag, e.toString());
            }
        }
    }

    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    Map<String, String> refused() {
        return Map.copyOf(refused);
    }

    /** The acknowledged ear tags that are not in the farm database exactly once. */
    List<String> missingOrDuplicated(String farmJdbcUrl) throws Exception {
        Map<String, Integer> counts = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(farmJdbcUrl, "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("SELECT ear_tag, count(*) FROM animals WHERE finca_id = ?::uuid GROUP BY ear_tag")) {
            s.setString(1, fincaId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return acknowledged.stream().filter(tag -> counts.getOrDefault(tag, 0) != 1).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(15_000);
    }

    private static String post(HttpClient http, String url, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String field(String json, String name) {
        return new io.restassured.path.json.JsonPath(json).getString(name);
    }
}

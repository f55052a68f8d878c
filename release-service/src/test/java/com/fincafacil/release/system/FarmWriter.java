package com.fincafacil.release.system;

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
    private final boolean selling;
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> sold = new CopyOnWriteArrayList<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new java.util.ArrayList<>();
    final String fincaId;

    private FarmWriter(String trafficUrl, String fincaId, String apiKey, String prefix, int concurrency, boolean selling) {
        this.fincaId = fincaId;
        this.animals = trafficUrl + "/api/v1/fincas/" + fincaId + "/animals";
        this.apiKey = apiKey;
        this.selling = selling;
        for (int n = 0; n < concurrency; n++) {
            String name = concurrency == 1 ? prefix : prefix + n;
            Thread thread = new Thread(() -> write(name), "farm-writer-" + name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Creates a finca and its API key through the entry (with an operator token), then starts writing. */
    static FarmWriter start(String trafficUrl, String operatorToken, String prefix) throws Exception {
        return start(trafficUrl, operatorToken, prefix, 1, false);
    }

    /** {@code concurrency} apps at once on one finca; {@code selling}: each registered animal is then sold. */
    static FarmWriter start(String trafficUrl, String operatorToken, String prefix, int concurrency, boolean selling) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String finca = post(http, trafficUrl + "/api/v1/admin/fincas", operatorToken,
                "{\"name\":\"Finca " + prefix + "\",\"department\":\"Córdoba\",\"municipality\":\"Montería\",\"deploymentLevel\":\"piloto\"}");
        String fincaId = field(finca, "id");
        String key = field(post(http, trafficUrl + "/api/v1/admin/fincas/" + fincaId + "/api-keys", operatorToken,
                "{\"label\":\"release test\"}"), "key");
        return new FarmWriter(trafficUrl, fincaId, key, prefix, concurrency, selling);
    }

    private void write(String name) {
        for (int i = 0; running.get(); i++) {
            String tag = name + "-" + i;
            try {
                HttpResponse<String> r = send(animals, tag, "{\"earTag\":\"" + tag + "\",\"sex\":\"hembra\"}");
                if (r.statusCode() == 201) {
                    acknowledged.add(tag);
                    if (selling) {
                        // the farm's day is Bogotá's: in UTC's first five hours, UTC's date is in its future
                        HttpResponse<String> sale = send(animals + "/" + field(r.body(), "id") + "/sale", "sale-" + tag,
                                "{\"date\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("America/Bogota")) + "\",\"priceCop\":2500000,\"buyer\":\"Subasta Montería\"}");
                        if (sale.statusCode() == 201) {
                            sold.add(tag);
                        } else {
                            refused.put("sale-" + tag, sale.statusCode() + " " + sale.body());
                        }
                    }
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

    private HttpResponse<String> send(String url, String idempotencyKey, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ear tags of the animals whose sale the platform acknowledged. */
    List<String> sold() {
        return List.copyOf(sold);
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
        for (Thread thread : threads) {
            thread.join(15_000);
        }
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

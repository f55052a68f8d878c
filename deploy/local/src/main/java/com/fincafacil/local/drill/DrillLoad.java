package com.fincafacil.local.drill;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Farm apps writing through the traffic entry for the whole drill: each client registers an
 * animal, weighs it and sells it, over and over, at a given pace. Every answer is kept (when,
 * how long, which status), and every write the platform acknowledged (201), so the drill can check
 * that each one is stored exactly once and what clients saw while traffic moved.
 */
final class DrillLoad implements AutoCloseable {

    /** The farm's own day (Bogotá): a date after it is refused as in the future, and at 01:00 UTC it is still the day before there. */
    private static final ZoneId FARM_DAY = ZoneId.of("America/Bogota");

    /** One write the platform acknowledged: its kind ({@code animal}, {@code weighing}, {@code sale}) and ear tag. */
    record Write(String kind, String earTag, String id) {
    }

    /** One answer as a client saw it; status 0 when none came. */
    record Sample(Instant at, long millis, int status) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String animals;
    private final String apiKey;
    private final Duration pause;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Write> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();
    final String fincaId;

    private DrillLoad(String trafficUrl, String fincaId, String apiKey, int concurrency, int ratePerClient, String run) {
        this.fincaId = fincaId;
        this.animals = trafficUrl + "/api/v1/fincas/" + fincaId + "/animals";
        this.apiKey = apiKey;
        this.pause = Duration.ofMillis(Math.max(1, 1000 / Math.max(1, ratePerClient)));
        for (int n = 0; n < concurrency; n++) {
            String prefix = "D" + run + n;
            Thread client = new Thread(() -> write(prefix), "drill-client-" + n);
            client.setDaemon(true);
            clients.add(client);
        }
    }

    /** A finca and its API key (operator token), then {@code concurrency} clients at {@code ratePerClient} writes a second each. */
    static DrillLoad start(String trafficUrl, String operatorToken, int concurrency, int ratePerClient) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // upper case: farm-service stores ear tags that way, and the checks compare them as stored
        String run = Long.toString(System.currentTimeMillis() % 100_000, 36).toUpperCase(java.util.Locale.ROOT);
        JsonObject finca = post(http, trafficUrl + "/api/v1/admin/fincas", "Authorization", "Bearer " + operatorToken,
                new JsonObject().put("name", "Finca del simulacro " + run).put("department", "Córdoba").put("municipality", "Montería")
                        .put("deploymentLevel", "piloto"));
        JsonObject key = post(http, trafficUrl + "/api/v1/admin/fincas/" + finca.getString("id") + "/api-keys", "Authorization",
                "Bearer " + operatorToken, new JsonObject().put("label", "go-live drill " + run));
        DrillLoad load = new DrillLoad(trafficUrl, finca.getString("id"), key.getString("key"), concurrency, ratePerClient, run);
        load.clients.forEach(Thread::start);
        return load;
    }

    private void write(String prefix) {
        for (int i = 0; running.get(); i++) {
            String tag = prefix + "-" + i;
            Answer animal = send(animals, "a-" + tag, new JsonObject().put("earTag", tag).put("sex", "macho"));
            if (animal.status == 201) {
                acknowledged.add(new Write("animal", tag, animal.body.getString("id")));
                String id = animal.body.getString("id");
                Answer weighing = send(animals + "/" + id + "/weighings", "w-" + tag,
                        new JsonObject().put("date", LocalDate.now(FARM_DAY).toString()).put("weightKg", 300 + i % 100));
                if (weighing.status == 201) {
                    acknowledged.add(new Write("weighing", tag, weighing.body.getString("id")));
                }
                Answer sale = send(animals + "/" + id + "/sale", "s-" + tag, new JsonObject().put("date", LocalDate.now(FARM_DAY).toString())
                        .put("priceCop", 2_500_000).put("buyer", "Subasta Montería"));
                if (sale.status == 201) {
                    acknowledged.add(new Write("sale", tag, sale.body.getString("id")));
                }
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private record Answer(int status, JsonObject body) {
    }

    private Answer send(String url, String idempotencyKey, JsonObject body) {
        Instant at = Instant.now();
        long t0 = System.nanoTime();
        int status = 0;
        JsonObject json = new JsonObject();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("X-API-Key", apiKey).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            if (status == 201) {
                json = new JsonObject(r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // no answer: counted as status 0
        }
        samples.add(new Sample(at, (System.nanoTime() - t0) / 1_000_000, status));
        return new Answer(status, json);
    }

    List<Write> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(15_000);
        }
    }

    private static JsonObject post(HttpClient http, String url, String header, String value, JsonObject body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header(header, value)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return new JsonObject(r.body());
    }
}

package com.fincafacil.farm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Farm apps registering animals without pause, as phones do: each registration carries its own
 * Idempotency-Key and is sent again with the same key after a 503 (after the Retry-After the answer
 * names, shortened for the test) until it is acknowledged. Records every acknowledged write and
 * every answer that was neither an acknowledgement nor a clean 503.
 */
final class ContinuousWrites implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Ear tag → the animal id the service acknowledged. */
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Clean refusals while the database was away: problem+json 503 with Retry-After and its code. */
    final AtomicInteger unavailable = new AtomicInteger();
    /** Anything else: a status, body or failure a farm app should never see. */
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    private final Duration pause;

    private ContinuousWrites(FarmApi.Finca finca, String prefix, int clients, Duration pause) {
        this.pause = pause;
        String url = ConfigProvider.getConfig().getValue("test.url", String.class) + finca.path("/animals");
        for (int i = 0; i < clients; i++) {
            Thread writer = new Thread(() -> write(URI.create(url), finca.key(), prefix), prefix + "-writer-" + i);
            writer.start();
            writers.add(writer);
        }
    }

    /** {@code clients} phones, each waiting {@code pause} between two registrations. */
    static ContinuousWrites start(FarmApi.Finca finca, String prefix, int clients, Duration pause) {
        return new ContinuousWrites(finca, prefix, clients, pause);
    }

    private void write(URI url, String key, String prefix) {
        while (running.get()) {
            String earTag = prefix + "-" + sequence.incrementAndGet();
            String idempotencyKey = UUID.randomUUID().toString();
            // once sent, a write is sent until it is acknowledged: giving up would leave its outcome unknown
            while (true) {
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                            .header("X-API-Key", key).header("Idempotency-Key", idempotencyKey)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"earTag\":\"" + earTag + "\",\"sex\":\"hembra\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                        acknowledged.put(earTag, JSON.readTree(answer.body()).get("id").asText());
                        Thread.sleep(pause.toMillis());
                        break;
                    }
                    if (!cleanUnavailable(answer)) {
                        unexpected.add(answer.statusCode() + " " + answer.headers().map() + " " + answer.body());
                        break;
                    }
                    unavailable.incrementAndGet();
                    Thread.sleep(200);
                } catch (IOException e) {
                    unexpected.add(earTag + ": " + e);
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean cleanUnavailable(HttpResponse<String> answer) throws IOException {
        if (answer.statusCode() != 503 || answer.headers().firstValue("Retry-After").isEmpty()
                || !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return false;
        }
        JsonNode problem = JSON.readTree(answer.body());
        return "database_unavailable".equals(problem.path("code").asText());
    }

    /** Lets every write in flight finish (acknowledged or given up as unexpected) and stops. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread writer : writers) {
            writer.join(60_000);
        }
    }
}

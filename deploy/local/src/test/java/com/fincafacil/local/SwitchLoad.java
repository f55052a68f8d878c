package com.fincafacil.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Farm apps writing through the traffic entry: each client registers animals with its own ear
 * tags in a loop, keeping its connection alive, and records every acknowledged tag, every failure
 * and every latency, until told to stop.
 */
final class SwitchLoad implements AutoCloseable {

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    /** Writes whose answer was lost (a 502 or 503, or a broken connection) and that were sent again. */
    final java.util.concurrent.atomic.AtomicInteger retried = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;
    private final boolean retrying;

    SwitchLoad(String entryUrl, String fincaId, String apiKey, int clientCount) {
        this(entryUrl, fincaId, apiKey, clientCount, false);
    }

    /**
     * Clients that give each write an Idempotency-Key and, when its answer is lost, send it again
     * with the same key until it is acknowledged; what they cannot get acknowledged is a failure.
     */
    static SwitchLoad retrying(String entryUrl, String fincaId, String apiKey, int clientCount) {
        return new SwitchLoad(entryUrl, fincaId, apiKey, clientCount, true);
    }

    private SwitchLoad(String entryUrl, String fincaId, String apiKey, int clientCount, boolean retrying) {
        this.retrying = retrying;
        clients = Executors.newFixedThreadPool(clientCount);
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            clients.submit(() -> write(entryUrl, fincaId, apiKey, client));
        }
    }

    private void write(String entryUrl, String fincaId, String apiKey, int client) {
        // one client per farm app: its own connection, kept alive across the switches
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(entryUrl + "/api/v1/fincas/" + fincaId + "/animals");
        for (int n = 0; running.get(); n++) {
            String tag = "S" + client + "-" + n;
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"earTag\":\"" + tag + "\",\"sex\":\"hembra\"}"));
            if (retrying) {
                request.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
            }
            for (int attempt = 1; ; attempt++) {
                String failure = send(http, request.build(), tag);
                if (failure == null) {
                    break;
                }
                boolean lost = failure.contains("HTTP 502") || failure.contains("HTTP 503") || failure.contains("IOException");
                if (!retrying || !lost || attempt == 20) {
                    failures.add(failure);
                    break;
                }
                retried.incrementAndGet();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One attempt: null when acknowledged, else what went wrong. */
    private String send(HttpClient http, HttpRequest request, String tag) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latenciesMicros.add((System.nanoTime() - t0) / 1000);
            if (response.statusCode() == 201 || (retrying && response.statusCode() == 200)) {
                acknowledged.add(tag);
                return null;
            }
            return tag + ": HTTP " + response.statusCode() + " " + response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return tag + ": interrupted";
        } catch (Exception e) {
            return tag + ": " + e;
        }
    }

    long p99Micros() {
        List<Long> sorted;
        synchronized (latenciesMicros) {
            sorted = new ArrayList<>(latenciesMicros);
        }
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("load clients did not stop");
        }
    }
}

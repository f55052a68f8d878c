package com.fincafacil.platformtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * The bad-input campaign: 10,000 malformed requests generated from the OpenAPI documents of the
 * four services and the control API, across every operation, on the whole running platform. Every
 * one must be refused with a 4xx that shows no internals, and the refusals change no row in any
 * database.
 */
@ExtendWith(RunningPlatform.Shared.class)
class BadInputIT {

    private static final int REQUESTS = 10_000;
    private static final List<String> KINDS = List.of("wrong method", "malformed path", "malformed query", "malformed header",
            "not a JSON", "broken JSON", "wrong content type", "body over", "wrong type", "missing", "NUL", "invalid UTF-8",
            "100,000-character", "5,000-character", "lone surrogate", "out-of-range", "unknown", "malformed CSV", "JSON instead", "CSV over");
    /** What a client must never see: a stack frame, an exception's class, a source file. */
    private static final Pattern INTERNALS = Pattern.compile("Exception\\b|\\bat (java|com|org|io)\\.|\\.java:\\d+|org\\.hibernate|org\\.postgresql");

    @Test
    void ten_thousand_malformed_requests_are_refused_with_a_4xx_and_change_no_row(RunningPlatform platform) throws Exception {
        List<OpenApiDocument.Operation> operations = PlatformApis.operations(PlatformApis.documents(platform));
        MalformedRequests generator = new MalformedRequests(operations, seeds(platform));
        Map<String, String> before = fingerprint(platform);

        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> perOperation = new TreeMap<>();
        Map<String, Integer> perMutation = new TreeMap<>();
        Map<Integer, Integer> perStatus = new TreeMap<>();
        AtomicInteger sent = new AtomicInteger();
        long started = System.nanoTime();
        // QuickTheories generates (reproducibly, from a fixed seed); four clients send, as farm apps would
        // (it skips values it has already tried, so it is asked for more than it must give)
        List<MalformedRequests.Malformed> generated = new ArrayList<>(REQUESTS * 2);
        qt().withFixedSeed(20261130L).withExamples(REQUESTS * 3 / 2).withUnlimitedTestingTime().withShrinkCycles(0)
                .forAll(generator.requests(operations)).checkAssert(generated::add);
        assertTrue(generated.size() >= REQUESTS, "generated " + generated.size());
        List<MalformedRequests.Malformed> requests = generated.subList(0, REQUESTS);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (MalformedRequests.Malformed r : requests) {
            clients.submit(() -> {
                HttpResponse<String> answer = send(r);
                sent.incrementAndGet();
                synchronized (perOperation) {
                    perOperation.merge(r.op().toString(), 1, Integer::sum);
                    perMutation.merge(KINDS.stream().filter(r.mutation()::startsWith).findFirst().orElse(r.mutation()), 1, Integer::sum);
                    perStatus.merge(answer.statusCode(), 1, Integer::sum);
                }
                if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
                    wrong.add(answer.statusCode() + " for " + r + " → " + abbreviate(answer.body()));
                } else if (INTERNALS.matcher(answer.body()).find()) {
                    wrong.add("internals shown for " + r + " → " + abbreviate(answer.body()));
                }
                return null;
            });
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES), "the campaign ended within 10 minutes");
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        Map<String, String> after = fingerprint(platform);

        System.out.printf("bad-input campaign: %d requests in %d s over %d operations%n  statuses %s%n  mutations %s%n",
                sent.get(), seconds, perOperation.size(), perStatus, perMutation);
        wrong.forEach(System.out::println);
        assertEquals(List.of(), wrong.subList(0, Math.min(wrong.size(), 40)), wrong.size() + " requests not refused cleanly");
        assertEquals(REQUESTS, sent.get());
        assertEquals(before, after, "refused requests changed rows");
        assertEquals(operations.size(), perOperation.size(), "every operation got malformed requests");
        assertTrue(perOperation.values().stream().allMatch(n -> n >= 20), "each operation at least 20 times: " + perOperation);
    }

    private static HttpResponse<String> send(MalformedRequests.Malformed r) {
        HttpRequest.Builder request = PlatformApis.request(r.url());
        r.headers().forEach(request::header);
        request.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        try {
            return PlatformApis.send(request.build());
        } catch (Exception e) {
            throw new AssertionError("no answer to " + r + ": " + e, e);
        }
    }

    /** A finca with an API key and an animal, and a flag with its ETag: malformed requests get past lookups to validation. */
    private static MalformedRequests.Seeds seeds(RunningPlatform platform) throws Exception {
        String admin = platform.token("admin");
        String traffic = platform.url("traffic");
        String finca = PlatformApis.postJson(traffic + "/api/v1/admin/fincas", admin,
                "{\"name\":\"Finca Campaña\",\"department\":\"Casanare\",\"municipality\":\"Yopal\",\"deploymentLevel\":\"piloto\"}")
                .path("id").asText();
        String key = PlatformApis.postJson(traffic + "/api/v1/admin/fincas/" + finca + "/api-keys", admin, "{}").path("key").asText();
        HttpResponse<String> registered = PlatformApis.send(PlatformApis.request(traffic + "/api/v1/fincas/" + finca + "/animals")
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"earTag\":\"CA-0001\",\"sex\":\"hembra\",\"breed\":\"Brahman\",\"birthDate\":\"2021-05-10\",\"weightKg\":420}"))
                .build());
        assertEquals(201, registered.statusCode(), registered.body());
        String animal = PlatformApis.JSON.readTree(registered.body()).path("id").asText();

        String flags = platform.url("flags-service");
        HttpResponse<String> list = PlatformApis.send(PlatformApis.request(flags + "/api/v1/flags").header("Authorization", "Bearer " + admin).GET().build());
        JsonNode all = PlatformApis.JSON.readTree(list.body());
        String flag = (all.isArray() ? all.get(0) : all.path("flags").get(0)).path("key").asText();
        HttpResponse<String> one = PlatformApis.send(PlatformApis.request(flags + "/api/v1/flags/" + flag)
                .header("Authorization", "Bearer " + admin).GET().build());
        String etag = one.headers().firstValue("ETag").orElseThrow();
        return new MalformedRequests.Seeds(key, admin,
                Map.of("fincaId", finca, "animalId", animal, "key", flag, "slot", "green"),
                Map.of("If-Match /api/v1/flags/{key}", etag));
    }

    /** Per table of the four databases, a digest of its rows (Flyway's history aside). */
    private static Map<String, String> fingerprint(RunningPlatform platform) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        for (String database : List.of("farm", "flags", "release", "incident")) {
            try (Connection c = platform.database(database)) {
                for (String table : RunningPlatform.tables(c)) {
                    if (table.endsWith(".flyway_schema_history")) {
                        continue;
                    }
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' "
                            + "ORDER BY md5(t::text))), '') FROM " + table + " t")) {
                        rs.next();
                        digests.put(database + "." + table, rs.getString(1));
                    }
                }
            }
        }
        return digests;
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}

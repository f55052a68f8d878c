package com.fincafacil.release.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.release.domain.analysis.MetricSource;
import com.fincafacil.release.domain.analysis.TrafficSample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same counters from a Prometheus server's HTTP API (instant queries), for Kubernetes where
 * Prometheus scrapes the farm pods. Each query returns cumulative values grouped by a slot label
 * (the buckets query by slot and {@code le}); the defaults read farm-service's own metrics and
 * are documented in docs/release-api.md, with how to point them at an ingress's instead.
 */
public final class PrometheusApi implements MetricSource {

    /** The PromQL of the three series and the label that names the slot. */
    public record Queries(String requests, String serverErrors, String latencyBuckets, String slotLabel) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final Queries queries;

    public PrometheusApi(String baseUrl, Queries queries) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.queries = queries;
    }

    @Override
    public Map<String, TrafficSample> traffic() {
        Map<String, Long> requests = new HashMap<>();
        Map<String, Long> errors = new HashMap<>();
        Map<String, TreeMap<Double, Long>> buckets = new HashMap<>();
        for (JsonNode series : query(queries.requests())) {
            requests.merge(slot(series), value(series), Long::sum);
        }
        for (JsonNode series : query(queries.serverErrors())) {
            errors.merge(slot(series), value(series), Long::sum);
        }
        for (JsonNode series : query(queries.latencyBuckets())) {
            String le = series.path("metric").path("le").asText("+Inf");
            buckets.computeIfAbsent(slot(series), k -> new TreeMap<>())
                    .merge(Double.parseDouble(le.replace("+Inf", "Infinity")), value(series), Long::sum);
        }
        Map<String, TrafficSample> samples = new HashMap<>();
        requests.forEach((slot, n) -> {
            if (!slot.isEmpty()) {
                samples.put(slot, new TrafficSample(n, errors.getOrDefault(slot, 0L), buckets.getOrDefault(slot, new TreeMap<>())));
            }
        });
        return samples;
    }

    private String slot(JsonNode series) {
        return series.path("metric").path(queries.slotLabel()).asText("");
    }

    /** Prometheus sends sample values as strings ("NaN" where a rate has no data: none). */
    private static long value(JsonNode series) {
        String text = series.path("value").path(1).asText("0");
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? Math.round(v) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private JsonNode query(String promql) {
        URI uri = URI.create(baseUrl + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus at " + baseUrl + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Prometheus");
        }
        try {
            JsonNode answer = json.readTree(response.body());
            if (response.statusCode() != 200 || !"success".equals(answer.path("status").asText())) {
                throw new IllegalStateException("Prometheus refused " + promql + ": " + answer.path("error").asText(response.body()));
            }
            if (!"vector".equals(answer.path("data").path("resultType").asText())) {
                throw new IllegalStateException("Prometheus answered " + promql + " with a " + answer.path("data").path("resultType").asText()
                        + ", not an instant vector");
            }
            return answer.path("data").path("result");
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus answered something that is not JSON");
        }
    }
}

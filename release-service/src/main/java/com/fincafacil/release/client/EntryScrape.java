package com.fincafacil.release.client;

import com.fincafacil.release.domain.analysis.MetricSource;
import com.fincafacil.release.domain.analysis.TrafficSample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The direct scrape: the traffic entry's Prometheus page ({@code fincafacil_entry_requests_seconds_*}
 * by slot and status, {@code fincafacil_entry_server_errors_total} by slot), summed per slot.
 */
public final class EntryScrape implements MetricSource {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI metrics;

    public EntryScrape(String metricsUrl) {
        this.metrics = URI.create(metricsUrl);
    }

    @Override
    public Map<String, TrafficSample> traffic() {
        String page;
        try {
            page = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("the traffic entry's metrics at " + metrics + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + metrics);
        }
        return bySlot(page);
    }

    static Map<String, TrafficSample> bySlot(String page) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, TreeMap<Double, Long>> buckets = new HashMap<>();
        for (PrometheusText.Sample s : PrometheusText.parse(page)) {
            String slot = s.labels().get("slot");
            if (slot == null) {
                continue;
            }
            long[] c = counts.computeIfAbsent(slot, k -> new long[2]);
            switch (s.name()) {
                case "fincafacil_entry_requests_seconds_count" -> c[0] += (long) s.value();
                case "fincafacil_entry_server_errors_total" -> c[1] += (long) s.value();
                case "fincafacil_entry_requests_seconds_bucket" -> buckets.computeIfAbsent(slot, k -> new TreeMap<>())
                        .merge(Double.parseDouble(s.labels().get("le").replace("+Inf", "Infinity")), (long) s.value(), Long::sum);
                default -> {
                    // other series are not read
                }
            }
        }
        Map<String, TrafficSample> samples = new HashMap<>();
        counts.forEach((slot, c) -> samples.put(slot, new TrafficSample(c[0], c[1], buckets.getOrDefault(slot, new TreeMap<>()))));
        return samples;
    }
}

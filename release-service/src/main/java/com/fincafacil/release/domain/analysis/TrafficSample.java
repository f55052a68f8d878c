package com.fincafacil.release.domain.analysis;

import java.util.Map;
import java.util.TreeMap;

/**
 * What farm apps saw of one slot up to an instant, as cumulative counters (the traffic entry's):
 * requests, 5xx answers, and the latency histogram (upper bound in seconds → requests at or
 * under it). Two samples make a window.
 */
public record TrafficSample(long requests, long serverErrors, TreeMap<Double, Long> latencyBuckets) {

    public static final TrafficSample EMPTY = new TrafficSample(0, 0, new TreeMap<>());

    /** What happened between {@code earlier} and this sample (a counter that went back means a reset: all of it). */
    public TrafficSample since(TrafficSample earlier) {
        if (requests < earlier.requests) {
            return this;
        }
        TreeMap<Double, Long> buckets = new TreeMap<>();
        for (Map.Entry<Double, Long> b : latencyBuckets.entrySet()) {
            buckets.put(b.getKey(), b.getValue() - earlier.latencyBuckets.getOrDefault(b.getKey(), 0L));
        }
        return new TrafficSample(requests - earlier.requests, serverErrors - earlier.serverErrors, buckets);
    }

    /** The smallest bucket bound under which at least {@code quantile} of the requests fell, in ms; null without requests. */
    public Double quantileMillis(double quantile) {
        if (requests == 0) {
            return null;
        }
        for (Map.Entry<Double, Long> b : latencyBuckets.entrySet()) {
            if (b.getValue() >= quantile * requests) {
                return b.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * What a deployment report shows of this traffic: {@code requests}, {@code errorRatePct} (5xx
     * share), {@code p50Ms} and {@code p99Ms} (histogram bucket bounds); empty without requests.
     */
    public Map<String, Object> summary() {
        if (requests == 0) {
            return Map.of();
        }
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("requests", requests);
        figures.put("errorRatePct", Math.round(10_000.0 * serverErrors / requests) / 100.0);
        Double p50 = quantileMillis(0.50);
        Double p99 = quantileMillis(0.99);
        if (p50 != null && Double.isFinite(p50)) {
            figures.put("p50Ms", p50);
        }
        if (p99 != null && Double.isFinite(p99)) {
            figures.put("p99Ms", p99);
        }
        return figures;
    }
}

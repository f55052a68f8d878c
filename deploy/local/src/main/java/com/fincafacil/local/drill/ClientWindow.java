package com.fincafacil.local.drill;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/** What clients saw in one stretch of time: requests, the share that failed (5xx or no answer), p50 and p99. */
record ClientWindow(String name, long requests, double errorRatePct, long p50Ms, long p99Ms) {

    static ClientWindow of(String name, List<DrillLoad.Sample> samples, Instant from, Instant to) {
        List<DrillLoad.Sample> in = samples.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to)).toList();
        if (in.isEmpty()) {
            return new ClientWindow(name, 0, 0, 0, 0);
        }
        long failed = in.stream().filter(s -> s.status() == 0 || s.status() >= 500).count();
        long[] millis = in.stream().mapToLong(DrillLoad.Sample::millis).sorted().toArray();
        return new ClientWindow(name, in.size(), 100.0 * failed / in.size(), percentile(millis, 0.50), percentile(millis, 0.99));
    }

    /** The nearest-rank percentile. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    JsonObject toJson() {
        return new JsonObject().put("requests", requests).put("errorRatePct", Math.round(errorRatePct * 100) / 100.0)
                .put("p50Ms", p50Ms).put("p99Ms", p99Ms);
    }

    String line() {
        return String.format("%-22s %6d requests  %6.2f %% errors  p50 %5d ms  p99 %5d ms", name, requests, errorRatePct, p50Ms, p99Ms);
    }
}

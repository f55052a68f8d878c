package com.fincafacil.local.entry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * What farm apps saw, per slot, in Prometheus format: requests by status, 5xx (including the
 * 502s of a slot that never answered), and a latency histogram with fixed buckets.
 *
 * <pre>
 * fincafacil_entry_requests_seconds_count{slot,status}   requests
 * fincafacil_entry_requests_seconds_bucket{slot,status,le} latency histogram
 * fincafacil_entry_server_errors_total{slot}             5xx answers, the entry's own 502s included
 * fincafacil_entry_in_flight{slot}                       requests not answered yet
 * fincafacil_entry_active{slot}                          1 for the slot new requests go to
 * fincafacil_entry_injected_faults_total{slot,kind}      requests an injected fault delayed or aborted
 * </pre>
 */
final class EntryMetrics {

    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final Map<String, Counter> injected = new ConcurrentHashMap<>();

    void record(String slot, int status, long nanos) {
        timers.computeIfAbsent(slot + ' ' + status, k -> Timer.builder("fincafacil.entry.requests")
                        .description("Requests through the traffic entry, by slot and status")
                        .tags("slot", slot, "status", Integer.toString(status))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (status >= 500) {
            errors.computeIfAbsent(slot, s -> Counter.builder("fincafacil.entry.server.errors")
                    .description("5xx answers through the traffic entry, the entry's own 502s included")
                    .tag("slot", s).register(registry)).increment();
        }
    }

    /** A request an injected fault of {@code kind} (abort, delay) delayed or answered. */
    void injected(String slot, String kind) {
        injected.computeIfAbsent(slot + ' ' + kind, k -> Counter.builder("fincafacil.entry.injected.faults")
                .description("Requests through the traffic entry that an injected fault delayed or aborted")
                .tags("slot", slot, "kind", kind).register(registry)).increment();
    }

    <T> void gauge(String name, String slot, T source, ToDoubleFunction<T> value) {
        io.micrometer.core.instrument.Gauge.builder(name, source, value).tag("slot", slot).register(registry);
    }

    String scrape() {
        return registry.scrape();
    }
}

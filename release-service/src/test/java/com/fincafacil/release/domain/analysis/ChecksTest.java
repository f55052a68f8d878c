package com.fincafacil.release.domain.analysis;

import com.fincafacil.release.domain.analysis.Measurement.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The analysis checks on counters as the entry publishes them. */
class ChecksTest {

    private static final Checks.Thresholds SEED = new Checks.Thresholds(5, 500, 10, 20, 5);
    private static final Instant NOW = Instant.parse("2026-12-06T07:30:00Z");

    /** Cumulative buckets (seconds → requests at or under). */
    private static TrafficSample sample(long requests, long errors, long under100ms, long under500ms, long under1s) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        buckets.put(0.1, under100ms);
        buckets.put(0.5, under500ms);
        buckets.put(1.0, under1s);
        buckets.put(Double.POSITIVE_INFINITY, requests);
        return new TrafficSample(requests, errors, buckets);
    }

    @Test
    void the_error_rate_is_the_5xx_share_of_the_window_since_the_last_measurement() {
        TrafficSample before = sample(1000, 500, 1000, 1000, 1000);
        TrafficSample healthy = sample(1100, 502, 1100, 1100, 1100).since(before);
        TrafficSample failing = sample(1100, 510, 1100, 1100, 1100).since(before);
        assertEquals(Verdict.SUCCESSFUL, Checks.errorRate(healthy, SEED, NOW).verdict(), "2 % of the window, whatever came before");
        Measurement m = Checks.errorRate(failing, SEED, NOW);
        assertEquals(Verdict.FAILED, m.verdict());
        assertEquals(10.0, m.value(), 1e-9);
        assertEquals(5.0, m.threshold());
    }

    @Test
    void too_few_requests_are_inconclusive_for_error_rate_and_latency() {
        TrafficSample quiet = sample(19, 19, 0, 0, 0);
        assertEquals(Verdict.INCONCLUSIVE, Checks.errorRate(quiet, SEED, NOW).verdict());
        assertEquals(Verdict.INCONCLUSIVE, Checks.latency(quiet, SEED, NOW).verdict());
        assertNull(Checks.errorRate(quiet, SEED, NOW).value());
    }

    @Test
    void the_p99_is_the_smallest_bucket_holding_99_percent_of_the_requests() {
        assertEquals(Verdict.SUCCESSFUL, Checks.latency(sample(100, 0, 95, 99, 100), SEED, NOW).verdict());
        Measurement slow = Checks.latency(sample(100, 0, 90, 98, 100), SEED, NOW);
        assertEquals(Verdict.FAILED, slow.verdict());
        assertEquals(1000.0, slow.value());
        assertEquals(Verdict.FAILED, Checks.latency(sample(100, 0, 0, 0, 0), SEED, NOW).verdict(), "beyond every bucket");
    }

    @Test
    void a_counter_that_went_back_means_the_process_restarted_and_the_whole_sample_is_the_window() {
        TrafficSample window = sample(30, 3, 30, 30, 30).since(sample(1000, 0, 1000, 1000, 1000));
        assertEquals(30, window.requests());
        assertEquals(10.0, Checks.errorRate(window, SEED, NOW).value(), 1e-9);
    }

    @Test
    void uptime_fails_when_the_slot_is_not_ready_or_its_process_changed() {
        assertEquals(Verdict.SUCCESSFUL, Checks.uptime(true, false, "41@t", NOW).verdict());
        assertEquals(Verdict.FAILED, Checks.uptime(false, false, null, NOW).verdict());
        assertEquals(Verdict.FAILED, Checks.uptime(true, true, "42@t2", NOW).verdict());
    }

    @Test
    void revenue_fails_beyond_the_drop_and_is_inconclusive_with_too_few_sales() {
        assertEquals(Verdict.SUCCESSFUL, Checks.revenue(1_000_000, 10, 950_000, 9, SEED, NOW).verdict(), "5 % lower");
        Measurement drop = Checks.revenue(1_000_000, 10, 0, 0, SEED, NOW);
        assertEquals(Verdict.FAILED, drop.verdict(), "sales stopped: no sale after the switch is the signal itself");
        assertEquals(100.0, drop.value(), 1e-9);
        assertEquals(Verdict.INCONCLUSIVE, Checks.revenue(100_000, 2, 0, 0, SEED, NOW).verdict(), "too few sales before");
        assertEquals(Verdict.INCONCLUSIVE, Checks.revenue(1_000_000, 10, 800_000, 8, SEED, NOW).verdict(),
                "20 % lower on 8 sales after 10: within chance");
        assertEquals(Verdict.FAILED, Checks.revenue(10_000_000, 100, 7_500_000, 75, SEED, NOW).verdict(),
                "25 % lower on 75 sales after 100: beyond chance");
        assertEquals(Verdict.INCONCLUSIVE, Checks.revenue(1_000_000, 10, 1_000_000, 3, SEED, NOW).verdict(),
                "no drop yet, too few sales to call it a success");
    }

    @Test
    void a_failure_judged_a_shared_outage_keeps_its_figures_and_says_why() {
        Measurement failed = Checks.uptime(false, false, null, NOW);
        Measurement shared = failed.inconclusive("the previous slot blue is not ready either");
        assertEquals(Verdict.INCONCLUSIVE, shared.verdict());
        assertEquals(failed.value(), shared.value());
    }
}

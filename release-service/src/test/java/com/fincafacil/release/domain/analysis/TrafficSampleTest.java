package com.fincafacil.release.domain.analysis;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The figures a deployment report shows of a slot's traffic. */
class TrafficSampleTest {

    @Test
    void a_window_of_traffic_gives_its_error_rate_and_quantiles_and_no_traffic_gives_nothing() {
        TreeMap<Double, Long> before = new TreeMap<>(Map.of(0.05, 10L, 0.1, 10L, 0.5, 10L, Double.POSITIVE_INFINITY, 10L));
        TreeMap<Double, Long> after = new TreeMap<>(Map.of(0.05, 60L, 0.1, 100L, 0.5, 109L, Double.POSITIVE_INFINITY, 110L));
        Map<String, Object> window = new TrafficSample(110, 3, after).since(new TrafficSample(10, 0, before)).summary();
        assertEquals(100L, window.get("requests"));
        assertEquals(3.0, window.get("errorRatePct"));
        assertEquals(50.0, window.get("p50Ms"), "50 of the 100 requests at most 50 ms");
        assertEquals(500.0, window.get("p99Ms"));
        assertEquals(Map.of(), TrafficSample.EMPTY.summary());
    }
}

package com.fincafacil.release.client;

import com.fincafacil.release.domain.analysis.TrafficSample;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The entry's Prometheus page, summed per slot over statuses. */
class EntryScrapeTest {

    private static final String PAGE = """
            # HELP fincafacil_entry_requests_seconds Requests through the traffic entry, by slot and status
            # TYPE fincafacil_entry_requests_seconds histogram
            fincafacil_entry_requests_seconds_bucket{slot="green",status="201",le="0.1"} 90.0
            fincafacil_entry_requests_seconds_bucket{slot="green",status="201",le="0.5"} 95.0
            fincafacil_entry_requests_seconds_bucket{slot="green",status="201",le="+Inf"} 96.0
            fincafacil_entry_requests_seconds_count{slot="green",status="201"} 96.0
            fincafacil_entry_requests_seconds_sum{slot="green",status="201"} 4.2
            fincafacil_entry_requests_seconds_bucket{slot="green",status="503",le="0.1"} 4.0
            fincafacil_entry_requests_seconds_bucket{slot="green",status="503",le="0.5"} 4.0
            fincafacil_entry_requests_seconds_bucket{slot="green",status="503",le="+Inf"} 4.0
            fincafacil_entry_requests_seconds_count{slot="green",status="503"} 4.0
            fincafacil_entry_requests_seconds_count{slot="blue",status="200"} 7.0
            # TYPE fincafacil_entry_server_errors_total counter
            fincafacil_entry_server_errors_total{slot="green"} 4.0
            fincafacil_entry_active{slot="green"} 1.0
            """;

    @Test
    void requests_errors_and_buckets_are_summed_per_slot() {
        Map<String, TrafficSample> bySlot = EntryScrape.bySlot(PAGE);
        TrafficSample green = bySlot.get("green");
        assertEquals(100, green.requests());
        assertEquals(4, green.serverErrors());
        assertEquals(94L, green.latencyBuckets().get(0.1));
        assertEquals(99L, green.latencyBuckets().get(0.5));
        assertEquals(100L, green.latencyBuckets().get(Double.POSITIVE_INFINITY));
        assertEquals(7, bySlot.get("blue").requests());
        assertEquals(0, bySlot.get("blue").serverErrors());
    }
}

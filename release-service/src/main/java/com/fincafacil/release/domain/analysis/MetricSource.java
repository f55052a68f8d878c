package com.fincafacil.release.domain.analysis;

import java.util.Map;

/**
 * Where the analysis reads what farm apps saw, per slot: the traffic entry's counters scraped
 * directly (the local platform), or a Prometheus server's HTTP API (Kubernetes).
 */
public interface MetricSource {

    /** Each slot's cumulative traffic now. */
    Map<String, TrafficSample> traffic();
}

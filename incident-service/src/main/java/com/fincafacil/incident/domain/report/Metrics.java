package com.fincafacil.incident.domain.report;

/** What farm apps saw at one point of a deployment; any figure may be unknown (null). */
public record Metrics(Double errorRatePct, Double p50Ms, Double p99Ms) {

    public static final Metrics UNKNOWN = new Metrics(null, null, null);

    public boolean known() {
        return errorRatePct != null || p50Ms != null || p99Ms != null;
    }
}

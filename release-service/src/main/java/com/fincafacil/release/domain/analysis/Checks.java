package com.fincafacil.release.domain.analysis;

import com.fincafacil.release.domain.analysis.Measurement.Verdict;

import java.time.Instant;

/**
 * The analysis checks as pure functions of what was sampled: each answers SUCCESSFUL, FAILED, or
 * INCONCLUSIVE when there was too little traffic to say (low traffic never rolls back a release
 * and never counts in its favour either).
 */
public final class Checks {

    /** The thresholds: the seed's {@code rollback_threshold} and its 500 ms post-deployment response time. */
    public record Thresholds(double errorRatePct, double p99Millis, double revenueDropPct, long minRequests, long minSales) {
    }

    private Checks() {
    }

    /** 5xx share of the new slot's requests in the window. */
    public static Measurement errorRate(TrafficSample window, Thresholds t, Instant at) {
        if (window.requests() < t.minRequests()) {
            return new Measurement(Measurement.ERROR_RATE, Verdict.INCONCLUSIVE, null, t.errorRatePct(),
                    window.requests() + " requests, fewer than " + t.minRequests(), at);
        }
        double pct = 100.0 * window.serverErrors() / window.requests();
        return new Measurement(Measurement.ERROR_RATE, pct > t.errorRatePct() ? Verdict.FAILED : Verdict.SUCCESSFUL, pct,
                t.errorRatePct(), window.serverErrors() + " of " + window.requests() + " requests answered 5xx", at);
    }

    /** The new slot's p99 in the window, as the entry's histogram bounds it. */
    public static Measurement latency(TrafficSample window, Thresholds t, Instant at) {
        if (window.requests() < t.minRequests()) {
            return new Measurement(Measurement.LATENCY, Verdict.INCONCLUSIVE, null, t.p99Millis(),
                    window.requests() + " requests, fewer than " + t.minRequests(), at);
        }
        double p99 = window.quantileMillis(0.99);
        return new Measurement(Measurement.LATENCY, p99 > t.p99Millis() ? Verdict.FAILED : Verdict.SUCCESSFUL,
                Double.isInfinite(p99) ? null : p99, t.p99Millis(), "p99 of " + window.requests() + " requests"
                + (Double.isInfinite(p99) ? " above the largest bucket" : " at most " + Math.round(p99) + " ms"), at);
    }

    /** The new slot stays up: ready, and the same process it was when monitoring began. */
    public static Measurement uptime(boolean ready, boolean restarted, String process, Instant at) {
        if (!ready) {
            return new Measurement(Measurement.UPTIME, Verdict.FAILED, 0.0, 1.0, "the new slot is not ready", at);
        }
        if (restarted) {
            return new Measurement(Measurement.UPTIME, Verdict.FAILED, 0.0, 1.0, "the new slot restarted (now " + process + ")", at);
        }
        return new Measurement(Measurement.UPTIME, Verdict.SUCCESSFUL, 1.0, 1.0, "ready, same process " + process, at);
    }

    /**
     * Revenue per minute since the switch against the same length of time just before it: more
     * than {@code revenueDropPct} lower fails. Too few sales before or after is inconclusive, and so
     * is a drop chance explains: fewer sales than before by less than two standard deviations of a
     * Poisson count (8 sales after 10 in the first second after a switch is noise, not a fault).
     */
    public static Measurement revenue(double before, long salesBefore, double after, long salesAfter, Thresholds t, Instant at) {
        if (salesBefore < t.minSales()) {
            return new Measurement(Measurement.REVENUE, Verdict.INCONCLUSIVE, null, t.revenueDropPct(),
                    salesBefore + " sales before the switch in the same time, fewer than " + t.minSales(), at);
        }
        double dropPct = before <= 0 ? 0 : 100.0 * (before - after) / before;
        boolean failed = dropPct > t.revenueDropPct();
        if (!failed && salesAfter < t.minSales()) {
            return new Measurement(Measurement.REVENUE, Verdict.INCONCLUSIVE, dropPct, t.revenueDropPct(),
                    salesAfter + " sales since the switch, fewer than " + t.minSales(), at);
        }
        if (failed && salesAfter >= salesBefore - 2 * Math.sqrt(salesBefore)) {
            return new Measurement(Measurement.REVENUE, Verdict.INCONCLUSIVE, dropPct, t.revenueDropPct(),
                    "a drop on " + salesAfter + " sales after " + salesBefore + " is within chance", at);
        }
        return new Measurement(Measurement.REVENUE, failed ? Verdict.FAILED : Verdict.SUCCESSFUL, dropPct, t.revenueDropPct(),
                "COP " + Math.round(after) + " since the switch against " + Math.round(before) + " in as long before it ("
                        + salesAfter + " and " + salesBefore + " sales)", at);
    }
}

package com.fincafacil.release.domain.analysis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One check's verdict at one instant: the value it saw, the threshold it held it against, and
 * why. INCONCLUSIVE never rolls back and never counts as a success.
 */
public record Measurement(String check, Verdict verdict, Double value, Double threshold, String detail, Instant at) {

    public enum Verdict { SUCCESSFUL, FAILED, INCONCLUSIVE }

    public static final String ERROR_RATE = "error_rate";
    public static final String LATENCY = "latency_p99";
    public static final String UPTIME = "uptime";
    public static final String REVENUE = "revenue";

    public boolean failed() {
        return verdict == Verdict.FAILED;
    }

    public Measurement inconclusive(String why) {
        return new Measurement(check, Verdict.INCONCLUSIVE, value, threshold, why, at);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", check);
        m.put("verdict", verdict.name());
        m.put("value", value);
        m.put("threshold", threshold);
        m.put("detail", detail);
        m.put("at", at.toString());
        return m;
    }
}

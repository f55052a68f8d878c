package com.fincafacil.incident.domain.dora;

import java.time.Duration;

/** The seed's targets ("MÉTRICAS DE PRODUCTIZACIÓN"); each is met only strictly inside it. */
public final class SeedTargets {

    public static final Duration MTTR = Duration.ofMinutes(15);
    public static final Duration ROLLBACK = Duration.ofMinutes(5);
    public static final int CHANGE_FAILURE_PCT = 5;
    public static final Duration LEAD_TIME = Duration.ofDays(7);

    private SeedTargets() {
    }

    public static boolean mttr(Duration median) {
        return median.compareTo(MTTR) < 0;
    }

    /** Every rollback, the slowest included, under five minutes. */
    public static boolean rollback(Duration max) {
        return max.compareTo(ROLLBACK) < 0;
    }

    public static boolean changeFailureRate(long failures, long deployments) {
        return 100 * failures < CHANGE_FAILURE_PCT * deployments;
    }

    public static boolean leadTime(Duration median) {
        return median.compareTo(LEAD_TIME) < 0;
    }

    /** The seed's "1–2x/semana": at least one deployment a week. */
    public static boolean deploymentFrequency(long deployments, long days) {
        return deployments * 7 >= days;
    }
}

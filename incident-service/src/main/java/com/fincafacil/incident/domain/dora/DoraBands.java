package com.fincafacil.incident.domain.dora;

import java.time.Duration;

/**
 * The four keys' bands, after the performance clusters of DORA's Accelerate State of DevOps
 * Report 2023 (dora.dev/research), made contiguous so every value has exactly one band. Where
 * the report gives a range ("between one day and one week") its upper bound belongs to the better
 * band's neighbour as written in docs/incident-api.md, "DORA bands".
 */
public final class DoraBands {

    public static final String SOURCE = "DORA, Accelerate State of DevOps Report 2023 (dora.dev/research)";

    private DoraBands() {
    }

    /**
     * Deployments in {@code days}: elite at least one a day (on demand), high at least one a week,
     * medium at least one a month (30 days), low fewer. Compared as whole numbers, no rounding.
     */
    public static Band deploymentFrequency(long deployments, long days) {
        if (deployments >= days) {
            return Band.ELITE;
        }
        if (deployments * 7 >= days) {
            return Band.HIGH;
        }
        if (deployments * 30 >= days) {
            return Band.MEDIUM;
        }
        return Band.LOW;
    }

    /** Elite under one day; high up to one week; medium up to one month (30 days); low beyond. */
    public static Band leadTime(Duration median) {
        if (median.compareTo(Duration.ofDays(1)) < 0) {
            return Band.ELITE;
        }
        if (median.compareTo(Duration.ofDays(7)) <= 0) {
            return Band.HIGH;
        }
        if (median.compareTo(Duration.ofDays(30)) <= 0) {
            return Band.MEDIUM;
        }
        return Band.LOW;
    }

    /** Elite up to 5 %, high up to 10 %, medium up to 15 %, low above (the 2023 clusters' 5/10/15/64 %). */
    public static Band changeFailureRate(long failures, long deployments) {
        // failures/deployments <= p/100  ⇔  100·failures <= p·deployments: exact at the boundaries
        if (100 * failures <= 5 * deployments) {
            return Band.ELITE;
        }
        if (100 * failures <= 10 * deployments) {
            return Band.HIGH;
        }
        if (100 * failures <= 15 * deployments) {
            return Band.MEDIUM;
        }
        return Band.LOW;
    }

    /** Elite under one hour; high under one day; medium up to one week; low beyond. */
    public static Band timeToRestore(Duration median) {
        if (median.compareTo(Duration.ofHours(1)) < 0) {
            return Band.ELITE;
        }
        if (median.compareTo(Duration.ofDays(1)) < 0) {
            return Band.HIGH;
        }
        if (median.compareTo(Duration.ofDays(7)) <= 0) {
            return Band.MEDIUM;
        }
        return Band.LOW;
    }
}

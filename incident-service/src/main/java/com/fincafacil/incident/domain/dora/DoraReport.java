package com.fincafacil.incident.domain.dora;

import java.time.Duration;
import java.time.Instant;

/** DORA metrics of one environment over [from, to); a figure without data is null, and so is its band. */
public record DoraReport(String environment, Instant from, Instant to, long days,
                         Frequency deploymentFrequency, LeadTime leadTime, FailureRate changeFailureRate,
                         Restore timeToRestore, Rollback rollbackTime, String bandsSource) {

    public record Target(String text, Boolean met) {
    }

    public record Frequency(long deployments, double perWeek, Band band, Target target) {
    }

    /** Durations in seconds (millisecond precision), so any client reads them as plain numbers. */
    public record LeadTime(Double medianSeconds, int changes, Band band, Target target) {
    }

    public record FailureRate(long failures, long deployments, Double percent, Band band, Target target) {
    }

    public record Restore(Double medianSeconds, int incidents, Band band, Target target) {
    }

    public record Rollback(Double medianSeconds, Double maxSeconds, int rollbacks, Target target) {
    }

    public static Double seconds(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }

    public static Duration duration(Double seconds) {
        return seconds == null ? null : Duration.ofMillis(Math.round(seconds * 1000));
    }
}

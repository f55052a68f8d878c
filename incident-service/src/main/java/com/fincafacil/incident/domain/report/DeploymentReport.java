package com.fincafacil.incident.domain.report;

import com.fincafacil.incident.domain.DeploymentStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The record of one deployment (the seed's "REGISTRO DE INCIDENTES" entry), built from its events. */
public record DeploymentReport(String releaseId, String version, String kind, String environment,
                               DeploymentStatus status, Instant startedAt, Instant finishedAt, Duration duration,
                               List<String> changes, Metrics metricsBefore, Metrics metricsAfter,
                               List<String> issues, List<FollowUp> followUps, String approvedBy,
                               boolean reachedProduction, Map<String, Long> stepMillis) {
}

package com.fincafacil.incident.service;

import com.fincafacil.incident.domain.DeploymentStatus;
import com.fincafacil.incident.domain.report.DeploymentReport;
import com.fincafacil.incident.domain.report.FollowUp;
import com.fincafacil.incident.domain.report.Metrics;
import com.fincafacil.incident.domain.report.SpanishText;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A report as JSON: the same facts as the text, plus the seed's Spanish date and status words. */
public record ReportJson(String releaseId, String version, String kind, String environment, DeploymentStatus status,
                         String estado, Instant startedAt, String fecha, Instant finishedAt, Long durationSeconds,
                         List<String> changes, Metrics metricsBefore, Metrics metricsAfter, List<String> issues,
                         List<FollowUp> followUps, String approvedBy, boolean reachedProduction, Map<String, Long> stepMillis) {

    public static ReportJson of(DeploymentReport r, ZoneId zone) {
        return new ReportJson(r.releaseId(), r.version(), r.kind(), r.environment(), r.status(), r.status().spanish(),
                r.startedAt(), SpanishText.dateTime(r.startedAt(), zone), r.finishedAt(),
                r.duration() == null ? null : r.duration().toSeconds(), r.changes(), r.metricsBefore(), r.metricsAfter(),
                r.issues(), r.followUps(), r.approvedBy(), r.reachedProduction(), r.stepMillis());
    }
}

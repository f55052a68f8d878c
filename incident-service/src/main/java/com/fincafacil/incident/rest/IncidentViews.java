package com.fincafacil.incident.rest;

import com.fincafacil.incident.domain.IncidentStatus;
import com.fincafacil.incident.domain.IncidentTrigger;
import com.fincafacil.incident.domain.Severity;
import com.fincafacil.incident.repository.IncidentEntity;
import com.fincafacil.incident.service.IncidentDetail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the incident routes answer. */
public final class IncidentViews {

    private IncidentViews() {
    }

    public record IncidentView(UUID id, String title, Severity severity, IncidentStatus status, IncidentTrigger trigger,
                               UUID releaseId, String releaseVersion, OffsetDateTime openedAt, String openedBy,
                               OffsetDateTime acknowledgedAt, String acknowledgedBy, OffsetDateTime resolvedAt,
                               String resolvedBy, String resolution, Long timeToRestoreSeconds,
                               OffsetDateTime postmortemDue) {
        static IncidentView of(IncidentEntity i) {
            return new IncidentView(i.id, i.title, i.severity, i.status, i.trigger, i.releaseId, i.releaseVersion, i.openedAt,
                    i.openedBy, i.acknowledgedAt, i.acknowledgedBy, i.resolvedAt, i.resolvedBy, i.resolution,
                    i.timeToRestore() == null ? null : i.timeToRestore().toSeconds(), i.postmortemDue);
        }
    }

    /** One incident with its timeline (its own entries and its release's events, by time) and post-mortem state. */
    public record IncidentDetailView(IncidentView incident, List<IncidentDetail.TimelineItem> timeline,
                                     boolean postmortemWritten, boolean postmortemOverdue) {
        static IncidentDetailView of(IncidentDetail d) {
            return new IncidentDetailView(IncidentView.of(d.incident()), d.timeline(), d.postmortemWritten(), d.postmortemOverdue());
        }
    }

    public record Overdue(IncidentView incident, Instant checkedAt) {
    }
}

package com.fincafacil.incident.repository;

import com.fincafacil.incident.domain.IncidentStatus;
import com.fincafacil.incident.domain.IncidentTrigger;
import com.fincafacil.incident.domain.Severity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An incident: what opened it, its state, and when its post-mortem is due. */
@Entity
@Table(name = "incidents")
public class IncidentEntity {

    @Id
    public UUID id;
    public String title;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    @Enumerated(EnumType.STRING)
    public IncidentTrigger trigger;
    @Enumerated(EnumType.STRING)
    public IncidentStatus status;
    @Column(name = "release_id")
    public UUID releaseId;
    @Column(name = "release_version")
    public String releaseVersion;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    public String resolution;
    @Column(name = "postmortem_due")
    public OffsetDateTime postmortemDue;
    @Column(name = "overdue_announced_at")
    public OffsetDateTime overdueAnnouncedAt;

    /** From opening to resolution; null while the incident is not resolved. */
    public Duration timeToRestore() {
        return resolvedAt == null ? null : Duration.between(openedAt, resolvedAt);
    }
}

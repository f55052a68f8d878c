package com.fincafacil.incident.repository;

import com.fincafacil.incident.domain.Severity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An incident and when its post-mortem is due. */
@Entity
@Table(name = "incidents")
public class IncidentEntity {

    @Id
    public UUID id;
    public String title;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    @Column(name = "release_version")
    public String releaseVersion;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "postmortem_due")
    public OffsetDateTime postmortemDue;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
}

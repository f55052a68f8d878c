package com.fincafacil.flags.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A change to apply to a flag at a given time: a new rollout percentage and/or on/off. */
@Entity
@Table(name = "scheduled_changes")
public class ScheduledChangeEntity {

    public static final String PENDING = "PENDING";
    public static final String APPLIED = "APPLIED";
    public static final String CANCELLED = "CANCELLED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    @Column(name = "flag_key")
    public String flagKey;
    @Column(name = "apply_at")
    public OffsetDateTime applyAt;
    public Boolean habilitado;
    @Column(name = "porcentaje_rollout")
    public Integer porcentajeRollout;
    public String reason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    public String status;
    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;
    public String outcome;
}

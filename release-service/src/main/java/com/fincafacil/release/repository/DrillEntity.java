package com.fincafacil.release.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One go-live drill's outcome, as the drill reported it. */
@Entity
@Table(name = "drills")
public class DrillEntity {

    @Id
    public UUID id;
    public String version;
    public String fault;
    public boolean passed;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> report;
}

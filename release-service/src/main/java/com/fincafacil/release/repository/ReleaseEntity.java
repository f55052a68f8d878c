package com.fincafacil.release.repository;

import com.fincafacil.release.domain.ReleaseState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The persisted release; {@code kind} keeps the seed's lowercase words. */
@Entity
@Table(name = "releases")
public class ReleaseEntity {

    @Id
    public UUID id;
    public String version;
    public String kind;
    @Enumerated(EnumType.STRING)
    public ReleaseState state;
    /** {@code [{title, mergedAt}]}, mergedAt an ISO instant or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "change_list")
    public List<Map<String, String>> changes;
    /** What the target runs: a stored version locally, an image reference on Kubernetes. */
    public String artifact;
    /** The version running when the release was planned: what a rollback returns to. */
    @Column(name = "previous_version")
    public String previousVersion;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "started_by")
    public String startedBy;
    @Column(name = "hotfix_reason")
    public String hotfixReason;
    /** Planned by the go-live drill: its {@code last_drill} gate steps aside. */
    public boolean drill;
    /** The slot traffic left (the previous version's) and the one it goes to. */
    @Column(name = "from_slot")
    public String fromSlot;
    @Column(name = "to_slot")
    public String toSlot;
    @Column(name = "backup_path")
    public String backupPath;
    @Column(name = "monitoring_until")
    public OffsetDateTime monitoringUntil;
    @Column(name = "created_by")
    public String createdBy;
    /** Every gate's result so far: {@code [{name, kind, status, detail}]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> gates = new java.util.ArrayList<>();
    /** NONE, EXPAND or CONTRACT once the CHECKED step classified the artifact's migrations. */
    @Column(name = "migration_kind")
    public String migrationKind;
    /** The Flyway version the artifact's migrations end at (validation looks for it). */
    @Column(name = "target_schema_version")
    public String targetSchemaVersion;
    /** Each table's rows in the backup: after migrating, no table may have fewer. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "table_rows")
    public Map<String, Long> tableRows;
    /** {@code [{name, sql}]}: read-only queries that return the rows breaking a rule (none = passed). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "validation_queries")
    public List<Map<String, String>> validationQueries = new java.util.ArrayList<>();
    /** Set once a disaster restore of this release's backup has run (at most once). */
    @Column(name = "restored_at")
    public OffsetDateTime restoredAt;
    @Column(name = "restored_by")
    public String restoredBy;
    /** The restore's outcome: the failed database's name, timings and each table's post-backup rows. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "restore_report")
    public Map<String, Object> restoreReport;
}

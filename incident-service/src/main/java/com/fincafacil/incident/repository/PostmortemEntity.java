package com.fincafacil.incident.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An incident's post-mortem (PagerDuty / incident.io structure). Timeline entries are
 * {@code {at, text}}; action items {@code {description, owner, due}} with ISO dates, as strings.
 */
@Entity
@Table(name = "postmortems")
public class PostmortemEntity {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;
    public String summary;
    public String impact;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, String>> timeline;
    @Column(name = "root_cause")
    public String rootCause;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contributing_factors")
    public List<String> contributingFactors;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "action_items")
    public List<Map<String, String>> actionItems;
    @Column(name = "written_by")
    public String writtenBy;
    @Column(name = "written_at")
    public OffsetDateTime writtenAt;
}

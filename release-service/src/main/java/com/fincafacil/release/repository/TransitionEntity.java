package com.fincafacil.release.repository;

import com.fincafacil.release.domain.ReleaseState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One entry of a release's timeline: from, to, when, who or what, why, and the figures then. */
@Entity
@Table(name = "release_transitions")
public class TransitionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "release_id")
    public UUID releaseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ReleaseState from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ReleaseState to;
    public OffsetDateTime at;
    public String actor;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> figures;
}

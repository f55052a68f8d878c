package com.fincafacil.release.repository;

import com.fincafacil.release.domain.ReleaseState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
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
    /** One change per line, as in the CHANGELOG entry. */
    public String changes;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}

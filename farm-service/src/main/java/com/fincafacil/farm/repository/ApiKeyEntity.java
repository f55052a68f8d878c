package com.fincafacil.farm.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A finca's API key: only its SHA-256 is stored; the key itself is shown once at creation. */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity {

    @Id
    public UUID id;
    @Column(name = "finca_id")
    public UUID fincaId;
    public String prefix;
    @Column(name = "key_hash")
    public String keyHash;
    public String label;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}

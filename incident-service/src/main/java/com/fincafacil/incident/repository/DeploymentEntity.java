package com.fincafacil.incident.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A deployment's figures for lists and metrics, recomputed from its events on every arrival. */
@Entity
@Table(name = "deployments")
public class DeploymentEntity {

    @Id
    @Column(name = "release_id")
    public UUID releaseId;
    public String version;
    public String kind;
    public String environment;
    public String status;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(name = "reached_production")
    public boolean reachedProduction;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

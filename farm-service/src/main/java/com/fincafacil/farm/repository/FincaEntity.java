package com.fincafacil.farm.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "fincas")
public class FincaEntity {

    @Id
    public UUID id;
    public String name;
    public String department;
    public String municipality;
    /** Wire name: piloto, produccion_controlada or produccion_abierta. */
    @Column(name = "deployment_level")
    public String deploymentLevel;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

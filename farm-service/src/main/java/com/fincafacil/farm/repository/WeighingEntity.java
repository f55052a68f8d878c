package com.fincafacil.farm.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "weighings")
public class WeighingEntity {

    @Id
    public UUID id;
    @Column(name = "finca_id")
    public UUID fincaId;
    @Column(name = "animal_id")
    public UUID animalId;
    @Column(name = "weighed_on")
    public LocalDate weighedOn;
    @Column(name = "weight_kg")
    public BigDecimal weightKg;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

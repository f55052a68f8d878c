package com.fincafacil.farm.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An animal of a finca; enums are stored as their Spanish wire names. */
@Entity
@Table(name = "animals")
public class AnimalEntity {

    @Id
    public UUID id;
    @Column(name = "finca_id")
    public UUID fincaId;
    @Column(name = "ear_tag")
    public String earTag;
    public String species;
    public String breed;
    public String sex;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Column(name = "dam_id")
    public UUID damId;
    public String status;
    @Column(name = "current_weight_kg")
    public BigDecimal currentWeightKg;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

package com.fincafacil.farm.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "deaths")
public class DeathEntity {

    @Id
    public UUID id;
    @Column(name = "finca_id")
    public UUID fincaId;
    @Column(name = "animal_id")
    public UUID animalId;
    @Column(name = "died_on")
    public LocalDate diedOn;
    public String cause;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

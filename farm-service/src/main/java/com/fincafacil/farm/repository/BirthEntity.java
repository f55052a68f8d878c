package com.fincafacil.farm.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "births")
public class BirthEntity {

    @Id
    public UUID id;
    @Column(name = "finca_id")
    public UUID fincaId;
    @Column(name = "dam_id")
    public UUID damId;
    @Column(name = "calf_id")
    public UUID calfId;
    @Column(name = "born_on")
    public LocalDate bornOn;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

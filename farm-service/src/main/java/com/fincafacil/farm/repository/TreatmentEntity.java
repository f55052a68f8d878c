package com.fincafacil.farm.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A treatment or vaccination, with when it is due again and its withdrawal period. */
@Entity
@Table(name = "treatments")
public class TreatmentEntity {

    @Id
    public UUID id;
    @Column(name = "finca_id")
    public UUID fincaId;
    @Column(name = "animal_id")
    public UUID animalId;
    public String product;
    public String dose;
    @Column(name = "applied_on")
    public LocalDate appliedOn;
    @Column(name = "next_due_date")
    public LocalDate nextDueDate;
    @Column(name = "withdrawal_days")
    public int withdrawalDays;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

package com.fincafacil.farm.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An alert in the seed's {@code alertas} table, with its type and {@code confianza_ia}. */
@Entity
@Table(name = "alertas")
public class AlertEntity {

    @Id
    public UUID id;
    @Column(name = "finca_id")
    public UUID fincaId;
    @Column(name = "animal_id")
    public UUID animalId;
    @Column(name = "tipo_alerta")
    public String tipoAlerta;
    public String code;
    public String message;
    @Column(name = "confianza_ia")
    public Float confianzaIa;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
}

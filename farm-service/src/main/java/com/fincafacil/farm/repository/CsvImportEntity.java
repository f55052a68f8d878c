package com.fincafacil.farm.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "csv_imports")
public class CsvImportEntity {

    @Id
    public UUID id;
    @Column(name = "finca_id")
    public UUID fincaId;
    public String sha256;
    @Column(name = "rows_total")
    public int rowsTotal;
    public int imported;
    public int skipped;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

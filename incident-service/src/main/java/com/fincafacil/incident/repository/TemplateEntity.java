package com.fincafacil.incident.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An operator's template for one announcement kind, replacing the default. */
@Entity
@Table(name = "announcement_templates")
public class TemplateEntity {

    @Id
    public String kind;
    public String template;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

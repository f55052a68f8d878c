package com.fincafacil.flags.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;

/** Who changed which flag, when, why, and its definition before and after (file format JSON). */
@Entity
@Table(name = "flag_audit")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "flag_key")
    public String flagKey;
    public String action;
    public String actor;
    public OffsetDateTime at;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    public String before;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    public String after;
}

package com.fincafacil.incident.repository;

import com.fincafacil.incident.domain.announce.ChannelKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A webhook channel; {@code url} is a secret (see SecretUrl), stored sealed, and {@code toString} leaves it out. */
@Entity
@Table(name = "announcement_channels")
public class ChannelEntity {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public ChannelKind kind;
    @jakarta.persistence.Convert(converter = SealedSecret.class)
    public String url;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> events;
    public boolean enabled;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_failure_at")
    public OffsetDateTime lastFailureAt;
    @Column(name = "last_success_at")
    public OffsetDateTime lastSuccessAt;

    @Override
    public String toString() {
        return "channel " + name;
    }
}

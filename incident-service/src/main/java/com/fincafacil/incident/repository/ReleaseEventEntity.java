package com.fincafacil.incident.repository;

import com.fincafacil.incident.domain.ReleaseEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** A consumed release event, kept whole (its {@code data}) so reports can be rebuilt from it. */
@Entity
@Table(name = "release_events")
public class ReleaseEventEntity {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "release_id")
    public UUID releaseId;
    public String type;
    public String state;
    @Column(name = "previous_state")
    public String previousState;
    public OffsetDateTime at;
    public String actor;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data;

    public static ReleaseEventEntity of(ReleaseEvent e, Map<String, Object> data) {
        ReleaseEventEntity entity = new ReleaseEventEntity();
        entity.eventId = e.eventId();
        entity.releaseId = UUID.fromString(e.releaseId());
        entity.type = e.type();
        entity.state = e.state();
        entity.previousState = e.previousState();
        entity.at = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
        entity.actor = e.actor();
        entity.reason = e.reason();
        entity.data = data;
        return entity;
    }

    public ReleaseEvent toDomain() {
        return ReleaseEvent.fromData(eventId, type, data);
    }
}

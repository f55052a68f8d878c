package com.fincafacil.incident.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The ids of events already applied: a redelivered event finds its id here and changes nothing. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /** Records the id in the caller's transaction; false when it was there already (a duplicate). */
    public boolean claim(String eventId, String topic, Instant now) {
        int inserted = em.createNativeQuery("INSERT INTO processed_events (event_id, topic, processed_at) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, eventId).setParameter(2, topic).setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
        return inserted == 1;
    }
}

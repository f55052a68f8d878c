package com.fincafacil.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Records an event in the caller's transaction, so the event exists if and only if the write
 * committed. The relay publishes it later; the event id lets consumers drop duplicates.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public Outbox(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, CloudEvent event) {
        OutboxRow row = row(topic, event);
        OutboxRecord record = new OutboxRecord();
        record.eventId = row.eventId();
        record.topic = row.topic();
        record.eventKey = row.key();
        record.payload = row.payload();
        record.createdAt = row.createdAt();
        em.persist(record);
    }

    /** The event as a row, for a writer that inserts it in its own statement (see {@link OutboxRow}). */
    public OutboxRow row(String topic, CloudEvent event) {
        return OutboxRow.of(topic, event, mapper);
    }
}

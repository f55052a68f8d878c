package com.fincafacil.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

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
        OutboxRecord record = new OutboxRecord();
        record.eventId = UUID.fromString(event.id());
        record.topic = topic;
        record.eventKey = event.subject();
        record.payload = toJson(event);
        record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(record);
    }

    private String toJson(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be written as JSON: " + event.type(), e);
        }
    }
}

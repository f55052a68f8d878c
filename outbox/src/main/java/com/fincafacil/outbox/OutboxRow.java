package com.fincafacil.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.CloudEvent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One event as a row of the {@code outbox} table. A hot write path can insert it in the same SQL
 * statement as its own rows ({@code WITH written AS (INSERT … RETURNING …) INSERT INTO outbox …
 * SELECT … FROM written}): one round trip, and the event exists exactly when the write does.
 */
public record OutboxRow(UUID eventId, String topic, String key, String payload, OffsetDateTime createdAt) {

    /** The outbox columns a writer fills, in the order of this record's components. */
    public static final String COLUMNS = "event_id, topic, event_key, payload, created_at";

    public static OutboxRow of(String topic, CloudEvent event, ObjectMapper mapper) {
        try {
            return new OutboxRow(UUID.fromString(event.id()), topic, event.subject(), mapper.writeValueAsString(event),
                    OffsetDateTime.now(ZoneOffset.UTC));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be written as JSON: " + event.type(), e);
        }
    }
}

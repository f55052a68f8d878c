package com.fincafacil.farm.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.CloudEvent;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.outbox.Outbox;
import com.fincafacil.outbox.OutboxRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Records farm events ({@code animal.registered}, {@code sale.recorded}, …) in the outbox, in the
 * write's own transaction; keyed by the finca so one finca's events stay in order.
 */
@ApplicationScoped
public class FarmEvents {

    public static final String SOURCE = "/farm-service";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public FarmEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void record(String type, UUID fincaId, Object data) {
        outbox.append(Topics.FARM_EVENTS, event(type, fincaId, data));
    }

    /** The event as an outbox row, for a write that inserts it in its own SQL statement. */
    public OutboxRow row(String type, UUID fincaId, Object data) {
        return outbox.row(Topics.FARM_EVENTS, event(type, fincaId, data));
    }

    private CloudEvent event(String type, UUID fincaId, Object data) {
        JsonNode json = mapper.valueToTree(data);
        return CloudEvent.of(SOURCE, type, fincaId.toString(), json);
    }
}

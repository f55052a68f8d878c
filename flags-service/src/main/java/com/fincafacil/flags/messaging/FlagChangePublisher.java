package com.fincafacil.flags.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.commons.events.CloudEvent;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.flags.domain.Flag;
import com.fincafacil.flags.service.FlagJson;
import com.fincafacil.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records {@code flag.created|updated|deleted} with before/after in the outbox, in the change's
 * own transaction; the relay delivers it to {@value Topics#FLAG_CHANGES} so clients drop caches.
 */
@ApplicationScoped
public class FlagChangePublisher {

    public static final String SOURCE = "/flags-service";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public FlagChangePublisher(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void publish(String type, String key, Flag before, Flag after, long version, String actor, String reason) {
        ObjectNode data = mapper.createObjectNode();
        data.put("key", key);
        data.put("version", version);
        data.put("actor", actor);
        data.put("reason", reason);
        data.set("before", before == null ? null : FlagJson.of(before));
        data.set("after", after == null ? null : FlagJson.of(after));
        outbox.append(Topics.FLAG_CHANGES, CloudEvent.of(SOURCE, type, key, data));
    }
}

package com.fincafacil.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.testing.TestPlatform;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One release's events in release-service's documented shape (docs/release-events.md), published
 * to the real test broker keyed by the release id, as release-service's outbox does.
 */
final class FixtureRelease {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final UUID id = UUID.randomUUID();
    final String version;
    final String kind;
    private String approver;
    private String environment;
    private String previousState;
    private final List<Map<String, Object>> changes = new ArrayList<>();
    /** Every event built so far, as published JSON, in the order built. */
    final List<String> events = new ArrayList<>();

    FixtureRelease(String version, String kind) {
        this.version = version;
        this.kind = kind;
    }

    FixtureRelease change(String title, Instant mergedAt) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", title);
        c.put("mergedAt", mergedAt == null ? null : mergedAt.toString());
        changes.add(c);
        return this;
    }

    FixtureRelease approvedBy(String admin) {
        approver = admin;
        return this;
    }

    FixtureRelease environment(String env) {
        environment = env;
        return this;
    }

    /** A transition to {@code state}: the type is {@code release.<state lower case>}. */
    FixtureRelease to(String state, Instant at, Map<String, Object> figures) {
        return event("release." + state.toLowerCase(java.util.Locale.ROOT), state, at, "release-service", "step done", figures);
    }

    /** An entry that keeps the state ({@code started}, {@code analysis_inconclusive}, …). */
    FixtureRelease note(String what, Instant at, String reason, Map<String, Object> figures) {
        String state = previousState == null ? "PLANNED" : previousState;
        return event("release." + what, state, at, "release-service", reason, figures);
    }

    FixtureRelease event(String type, String state, Instant at, String actor, String reason, Map<String, Object> figures) {
        ObjectNode data = MAPPER.createObjectNode()
                .put("releaseId", id.toString()).put("version", version).put("kind", kind)
                .put("state", state).put("previousState", type.equals("release.planned") ? null : previousState)
                .put("at", at.toString()).put("actor", actor).put("reason", reason).put("artifact", version)
                .put("previousVersion", "0.0.1").put("plannedBy", "planner").put("plannedAt", at.toString());
        if (environment != null) {
            data.put("environment", environment);
        }
        data.set("figures", MAPPER.valueToTree(figures == null ? Map.of() : figures));
        ArrayNode list = MAPPER.valueToTree(changes);
        data.set("changes", list);
        if (approver != null) {
            data.set("approval", MAPPER.createObjectNode().put("by", approver).put("at", at.toString()));
        }
        ObjectNode envelope = MAPPER.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/fincafacil/release-service").put("type", type).put("time", at.toString())
                .put("subject", id.toString()).put("datacontenttype", "application/json");
        envelope.set("data", data);
        events.add(envelope.toString());
        previousState = state;
        return this;
    }

    /** Publishes the given event payloads, in that order, keyed by the release id. */
    void publish(List<String> payloads) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (String p : payloads) {
                producer.send(new ProducerRecord<>(Topics.RELEASE_EVENTS, id.toString(), p));
            }
            producer.flush();
        }
    }

    void publishAll() {
        publish(events);
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    static Map<String, Object> figures(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}

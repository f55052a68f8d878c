package com.fincafacil.farm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.testing.KafkaProbe;
import com.fincafacil.testing.TestPlatform;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void a_registration_reaches_kafka_as_a_cloudevent_keyed_by_finca() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Eventos", "piloto");
        finca.animal("EVT-1", "hembra");
        finca.animal("EVT-2", "hembra");
        var records = KafkaProbe.awaitRecords(Topics.FARM_EVENTS,
                r -> finca.id().equals(r.key()) && r.value().contains("animal.registered"), 2, Duration.ofSeconds(30));
        assertEquals(2, records.size());
        JsonNode event = MAPPER.readTree(records.get(0).value());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("/farm-service", event.get("source").asText());
        assertEquals("animal.registered", event.get("type").asText());
        assertEquals(finca.id(), event.get("subject").asText());
        assertEquals("EVT-1", event.at("/data/earTag").asText());
        // consumers drop duplicates by id: each event needs its own, as a UUID (a null, blank or shared id would pass asText())
        JsonNode other = MAPPER.readTree(records.get(1).value());
        assertEquals("EVT-2", other.at("/data/earTag").asText());
        assertTrue(event.path("id").isTextual() && other.path("id").isTextual(), "ids are strings: " + event + " " + other);
        UUID first = UUID.fromString(event.get("id").textValue());
        UUID second = UUID.fromString(other.get("id").textValue());
        assertEquals(first.toString(), event.get("id").textValue(), "the id is written as a canonical UUID");
        assertNotEquals(first, second, "two events share the id " + first);
    }

    /** The minute; a shorter outage can be asked for with -Dfincafacil.test.kafka-outage-seconds. */
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(Long.getLong("fincafacil.test.kafka-outage-seconds", 60));

    @Test
    void a_minute_without_kafka_under_continuous_writes_loses_no_event() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Kafka Caido", "piloto");
        ContinuousWrites writes = ContinuousWrites.start(finca, "KAFKA", 2, Duration.ofMillis(100));
        try {
            Thread.sleep(1_000);
            TestPlatform.shared().kafka().stop();
            try {
                Thread.sleep(KAFKA_OUTAGE.toMillis());
            } finally {
                TestPlatform.shared().kafka().restart();
            }
            Thread.sleep(2_000);
        } finally {
            writes.close();
        }
        assertEquals(List.of(), List.copyOf(writes.unexpected), "every write was acknowledged while Kafka was away");
        assertEquals(0, writes.unavailable.get(), "writes do not wait for Kafka");
        int written = writes.acknowledged.size();
        assertTrue(written > KAFKA_OUTAGE.toSeconds() * 5, "the writes went on through the outage: " + written);
        System.out.printf("Kafka away %d s: %d writes acknowledged, none refused%n", KAFKA_OUTAGE.toSeconds(), written);

        // counts animals, not records: a relay that publishes twice must not end the wait early
        var records = KafkaProbe.awaitRecords(Topics.FARM_EVENTS,
                r -> finca.id().equals(r.key()) && r.value().contains("animal.registered"),
                found -> eventIdsByAnimal(found).size() >= written, Duration.ofSeconds(120));
        // consumers drop duplicates by CloudEvent id; after that, each acknowledged animal has exactly one event
        Map<String, Set<String>> eventIdsByAnimal = eventIdsByAnimal(records);
        for (String animal : writes.acknowledged.values()) {
            assertEquals(1, eventIdsByAnimal.getOrDefault(animal, Set.of()).size(), "events of acknowledged animal " + animal);
        }
        assertEquals(written, eventIdsByAnimal.size(), "no event for an animal that was not acknowledged");
    }

    /** Animal id → the CloudEvent ids of its registrations. */
    private static Map<String, Set<String>> eventIdsByAnimal(List<ConsumerRecord<String, String>> records) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode event = read(r.value());
            ids.computeIfAbsent(event.at("/data/animalId").asText(), k -> new HashSet<>()).add(event.get("id").asText());
        }
        return ids;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

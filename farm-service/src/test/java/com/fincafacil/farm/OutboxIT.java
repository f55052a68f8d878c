package com.fincafacil.farm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.testing.KafkaProbe;
import com.fincafacil.testing.TestPlatform;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
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

    @Test
    void a_write_acknowledged_while_kafka_is_down_is_published_when_it_returns() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Kafka Caido", "piloto");
        TestPlatform.shared().kafka().stop();
        String cow;
        try {
            cow = finca.app().body(Map.of("earTag", "OFFLINE-1", "sex", "hembra")).when().post(finca.path("/animals"))
                    .then().statusCode(201).extract().path("id");
        } finally {
            TestPlatform.shared().kafka().restart();
        }
        var records = KafkaProbe.awaitRecords(Topics.FARM_EVENTS,
                r -> r.value().contains(cow), 1, Duration.ofSeconds(60));
        assertEquals(1, records.size(), "the event of the write made while Kafka was down arrived");
    }
}

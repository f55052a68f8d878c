package com.fincafacil.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.flags.client.FlagChangeListener;
import com.fincafacil.testing.KafkaProbe;
import com.fincafacil.testing.TestPlatform;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.fincafacil.flags.FlagApi.as;
import static com.fincafacil.flags.FlagApi.createPhase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FlagChangeEventIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void a_change_is_published_as_a_cloudevent_with_before_and_after_through_the_real_broker() throws Exception {
        String etag = createPhase("FASE_EVENT", 10);
        String next = as("operator").header("If-Match", etag).body("{\"porcentaje_rollout\":25,\"reason\":\"event test\"}")
                .when().patch("/api/v1/flags/FASE_EVENT").then().statusCode(200).extract().header("ETag");
        as("operator").header("If-Match", next).body("{\"porcentaje_rollout\":30,\"reason\":\"event test again\"}")
                .when().patch("/api/v1/flags/FASE_EVENT").then().statusCode(200);
        List<ConsumerRecord<String, String>> records = KafkaProbe.awaitRecords(Topics.FLAG_CHANGES,
                r -> "FASE_EVENT".equals(r.key()) && r.value().contains("flag.updated"), 2, Duration.ofSeconds(30));
        assertEquals(2, records.size(), "both update events reached Kafka");
        JsonNode event = MAPPER.readTree(records.get(0).value());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("flag.updated", event.get("type").asText());
        assertEquals("FASE_EVENT", event.get("subject").asText());
        assertEquals(10, event.at("/data/before/porcentaje_rollout").asInt());
        assertEquals(25, event.at("/data/after/porcentaje_rollout").asInt());
        assertEquals("test-operator", event.at("/data/actor").asText());
        // consumers drop duplicates by id: each change needs its own, as a UUID (a null, blank or shared id would pass asText())
        JsonNode second = MAPPER.readTree(records.get(1).value());
        assertEquals(30, second.at("/data/after/porcentaje_rollout").asInt());
        assertTrue(event.path("id").isTextual() && second.path("id").isTextual(), "ids are strings: " + event + " " + second);
        UUID firstId = UUID.fromString(event.get("id").textValue());
        assertEquals(firstId.toString(), event.get("id").textValue(), "the id is written as a canonical UUID");
        assertNotEquals(firstId, UUID.fromString(second.get("id").textValue()), "two changes share the id " + firstId);
    }

    @Test
    void farm_services_flags_client_consumes_a_change_published_here_through_the_real_broker() throws Exception {
        String etag = createPhase("FASE_EVENT_CLIENT", 10);
        FlagChangeListener listener = new FlagChangeListener(TestPlatform.shared().kafka().bootstrapServers(), () -> { });
        listener.start();
        try {
            awaitTrue(listener::isListening, "the client's listener got its partitions");
            long before = listener.changesSeen();
            as("operator").header("If-Match", etag).body("{\"habilitado\":false,\"reason\":\"client test\"}")
                    .when().patch("/api/v1/flags/FASE_EVENT_CLIENT").then().statusCode(200);
            awaitTrue(() -> listener.changesSeen() > before, "the client consumed the change event");
        } finally {
            listener.stop();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}

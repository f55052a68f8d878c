package com.fincafacil.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.testing.KafkaProbe;
import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each timeline entry reaches fincafacil.release.events through the outbox and the real broker, in order. */
@QuarkusTest
class ReleaseEventsIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void planning_and_approval_are_published_as_cloudevents_keyed_by_the_release() throws Exception {
        String id = given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"version\":\"1.0.3\",\"kind\":\"patch\",\"changes\":[{\"title\":\"Weighing dates\",\"mergedAt\":\"2026-11-28T15:00:00Z\"}]}")
                .when().post("/api/v1/releases").then().statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/releases/" + id + "/approve")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = KafkaProbe.awaitRecords(Topics.RELEASE_EVENTS,
                r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, records.size());
        JsonNode planned = MAPPER.readTree(records.get(0).value());
        JsonNode approved = MAPPER.readTree(records.get(1).value());
        assertEquals("release.planned", planned.get("type").asText());
        assertEquals(id, planned.get("subject").asText());
        assertEquals("1.0", planned.get("specversion").asText());
        assertEquals("1.0.3", planned.at("/data/version").asText());
        assertEquals("PLANNED", planned.at("/data/state").asText());
        assertEquals("1.0.0", planned.at("/data/previousVersion").asText());
        assertEquals("2026-11-28T15:00:00Z", planned.at("/data/changes/0/mergedAt").asText());
        assertEquals("release.approved", approved.get("type").asText());
        assertEquals("test-admin", approved.at("/data/approval/by").asText());
    }
}

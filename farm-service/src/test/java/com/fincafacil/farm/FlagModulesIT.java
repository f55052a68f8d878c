package com.fincafacil.farm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.CloudEvent;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.testing.OfrepStandIn;
import com.fincafacil.testing.TestPlatform;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Modules behind flags, the answers' sources, and the degraded mode while flags-service is away. */
@QuarkusTest
class FlagModulesIT {

    @Test
    void modules_come_live_from_flags_service_with_reason_and_source() {
        FarmApi.Finca finca = FarmApi.finca("Modulos", "piloto");
        finca.app().when().get(finca.path("/modules")).then().statusCode(200)
                .body("find { it.key == 'FASE_8_DATA_QUALITY' }.enabled", equalTo(true))
                .body("find { it.key == 'FASE_8_DATA_QUALITY' }.source", equalTo("LIVE"))
                .body("find { it.key == 'FASE_37_BI_ANALYTICS' }.enabled", equalTo(false))
                .body("find { it.key == 'FASE_37_BI_ANALYTICS' }.reason", equalTo("DISABLED"));
    }

    @Test
    void data_quality_is_served_where_its_flag_is_on() {
        FarmApi.Finca finca = FarmApi.finca("Calidad", "piloto");
        finca.animal("DQ-1", "hembra");
        finca.app().body(Map.of("earTag", "DQ-2", "sex", "macho")).when().post(finca.path("/animals")).then().statusCode(201);
        finca.app().when().get(finca.path("/data-quality")).then().statusCode(200)
                .body("animalsChecked", equalTo(2))
                .body("countsByRule.MISSING_BIRTH_DATE", equalTo(1))
                .body("score", equalTo(50.0f));
    }

    @Test
    void a_module_that_is_off_says_so_with_403_and_the_reason() {
        FarmApi.Finca finca = FarmApi.finca("Sin BI", "produccion_abierta");
        finca.app().when().get(finca.path("/analytics/kpis")).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("FASE_37_BI_ANALYTICS"))
                .body("detail", containsString("DISABLED"));
    }

    @Test
    void while_flags_service_is_down_answers_come_from_last_known_then_file_defaults_and_never_500() throws Exception {
        FarmApi.Finca known = FarmApi.finca("Conocida", "piloto");
        known.app().when().get(known.path("/modules")).then().statusCode(200);
        OfrepStandIn standIn = FlagsStandInResource.standIn();
        standIn.stop();
        try {
            FarmApi.Finca fresh = FarmApi.finca("Nueva En Caida", "piloto");
            invalidateThroughKafka();
            awaitSource(known, "LAST_KNOWN");
            fresh.app().when().get(fresh.path("/modules")).then().statusCode(200)
                    .body("find { it.key == 'FASE_8_DATA_QUALITY' }.source", equalTo("FILE_DEFAULT"))
                    .body("find { it.key == 'FASE_8_DATA_QUALITY' }.enabled", equalTo(true));
            known.app().when().get(known.path("/modules")).then().statusCode(200)
                    .body("find { it.key == 'FASE_8_DATA_QUALITY' }.source", equalTo("LAST_KNOWN"));
            fresh.app().when().get(fresh.path("/data-quality")).then().statusCode(200);
            fresh.app().when().get(fresh.path("/analytics/kpis")).then().statusCode(403);
            fresh.animal("CAIDA-1", "hembra");
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'flags' }.data.mode", equalTo("degraded"))
                    .body("checks.find { it.name == 'flags' }.data.last_error", notNullValue());
        } finally {
            standIn.restart();
        }
        // and back to live answers once flags-service returns
        awaitSource(known, "LIVE", "CACHED");
    }

    @Test
    void a_flag_change_event_from_flags_service_makes_farm_service_ask_again() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Cambio De Flag", "piloto");
        finca.app().when().get(finca.path("/modules")).then().statusCode(200);
        OfrepStandIn standIn = FlagsStandInResource.standIn();
        int before = standIn.requests();
        finca.app().when().get(finca.path("/modules")).then().statusCode(200);
        boolean cachedWithoutAsking = standIn.requests() == before;
        invalidateThroughKafka();
        long deadline = System.currentTimeMillis() + 15_000;
        boolean askedAgain = false;
        while (!askedAgain && System.currentTimeMillis() < deadline) {
            finca.app().when().get(finca.path("/modules")).then().statusCode(200);
            askedAgain = standIn.requests() > before;
            Thread.sleep(200);
        }
        assertTrue(cachedWithoutAsking, "a second call within the cache time is answered from the cache");
        assertTrue(askedAgain, "after the change event the client revalidated with flags-service");
    }

    /** Asks for the finca's modules until FASE_8's answer comes from one of {@code sources}; events take a moment. */
    private static void awaitSource(FarmApi.Finca finca, String... sources) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        String seen = null;
        while (System.currentTimeMillis() < deadline) {
            seen = finca.app().when().get(finca.path("/modules")).then().statusCode(200)
                    .extract().path("find { it.key == 'FASE_8_DATA_QUALITY' }.source");
            if (java.util.List.of(sources).contains(seen)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("FASE_8_DATA_QUALITY answered from " + seen + ", expected " + String.join(" or ", sources));
    }

    /** Publishes a flag change the way flags-service does (CloudEvent on fincafacil.flags.changes). */
    private static void invalidateThroughKafka() throws Exception {
        var data = new ObjectMapper().createObjectNode().put("key", "FASE_8_DATA_QUALITY").put("version", 2);
        String event = new ObjectMapper().findAndRegisterModules()
                .writeValueAsString(CloudEvent.of("/flags-service", "flag.updated", "FASE_8_DATA_QUALITY", data));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(config)) {
            producer.send(new ProducerRecord<>(Topics.FLAG_CHANGES, "FASE_8_DATA_QUALITY", event)).get();
        }
    }
}

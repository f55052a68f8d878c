package com.fincafacil.flags;

import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static com.fincafacil.flags.FlagApi.as;
import static com.fincafacil.flags.FlagApi.createPhase;
import static com.fincafacil.flags.FlagApi.ofrepContext;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OfrepIT {

    @TestHTTPResource("/")
    URL base;

    @Test
    void single_evaluation_has_the_ofrep_success_shape_with_reason_and_rule() {
        createPhase("FASE_OFREP_SHAPE", 100);
        given().contentType("application/json").body(ofrepContext("finca-7", "piloto", "1.2.0"))
                .when().post("/ofrep/v1/evaluate/flags/FASE_OFREP_SHAPE").then().statusCode(200)
                .body("key", equalTo("FASE_OFREP_SHAPE"))
                .body("value", equalTo(true))
                .body("variant", equalTo("on"))
                .body("reason", equalTo("TARGETING_MATCH"))
                .body("metadata.rule", equalTo("all_conditions"))
                .body("metadata.detail", notNullValue());
    }

    @Test
    void an_app_below_the_minimum_version_is_off_by_rule_version_minima() {
        createPhase("FASE_OFREP_VERSION", 100);
        given().contentType("application/json").body(ofrepContext("finca-7", "piloto", "0.9.0"))
                .when().post("/ofrep/v1/evaluate/flags/FASE_OFREP_VERSION").then().statusCode(200)
                .body("value", equalTo(false)).body("metadata.rule", equalTo("version_minima"));
    }

    @Test
    void bulk_evaluation_returns_every_flag_with_an_etag_and_304_when_unchanged() {
        String body = ofrepContext("finca-bulk", "produccion_abierta", "1.2.0");
        var first = given().contentType("application/json").body(body).when().post("/ofrep/v1/evaluate/flags");
        first.then().statusCode(200).header("ETag", notNullValue())
                .body("flags.key", hasItem("FASE_8_DATA_QUALITY"))
                .body("flags.key", hasItem("ALERTA_CRITICA"));
        String etag = first.header("ETag");
        given().contentType("application/json").header("If-None-Match", etag).body(body)
                .when().post("/ofrep/v1/evaluate/flags").then().statusCode(304);
        // another finca has its own answer and so its own ETag
        String other = given().contentType("application/json").body(ofrepContext("finca-other", "piloto", "1.2.0"))
                .when().post("/ofrep/v1/evaluate/flags").header("ETag");
        assertNotEquals(etag, other);
    }

    @Test
    void a_flag_change_changes_the_bulk_etag() {
        String flagEtag = createPhase("FASE_OFREP_ETAG", 10);
        String body = ofrepContext("finca-etag", "piloto", "1.2.0");
        String before = given().contentType("application/json").body(body).when().post("/ofrep/v1/evaluate/flags").header("ETag");
        as("operator").header("If-Match", flagEtag).body("{\"porcentaje_rollout\":60,\"reason\":\"x\"}")
                .when().patch("/api/v1/flags/FASE_OFREP_ETAG").then().statusCode(200);
        given().contentType("application/json").header("If-None-Match", before).body(body)
                .when().post("/ofrep/v1/evaluate/flags").then().statusCode(200);
    }

    @Test
    void a_flag_deleted_and_created_again_changes_the_bulk_etag() throws Exception {
        String flagEtag = createPhase("FASE_OFREP_RECREATE", 10);
        String body = ofrepContext("finca-recreate", "piloto", "1.2.0");
        String before = given().contentType("application/json").body(body).when().post("/ofrep/v1/evaluate/flags").header("ETag");
        as("admin").header("If-Match", flagEtag).queryParam("reason", "redo").when().delete("/api/v1/flags/FASE_OFREP_RECREATE")
                .then().statusCode(204);
        Thread.sleep(5);
        createPhase("FASE_OFREP_RECREATE", 90);
        given().contentType("application/json").header("If-None-Match", before).body(body)
                .when().post("/ofrep/v1/evaluate/flags").then().statusCode(200);
    }

    @Test
    void error_bodies_carry_ofrep_error_codes() {
        given().contentType("application/json").body(ofrepContext("finca-1", "piloto", "1.0.0"))
                .when().post("/ofrep/v1/evaluate/flags/NOPE").then().statusCode(404)
                .body("key", equalTo("NOPE")).body("errorCode", equalTo("FLAG_NOT_FOUND"));
        given().contentType("application/json").body("{\"context\":{\"nivel_despliegue\":\"piloto\"}}")
                .when().post("/ofrep/v1/evaluate/flags/FASE_8_DATA_QUALITY").then().statusCode(400)
                .body("errorCode", equalTo("TARGETING_KEY_MISSING"));
        given().contentType("application/json").body("{\"context\":{\"targetingKey\":\"f\",\"nivel_despliegue\":\"lunar\"}}")
                .when().post("/ofrep/v1/evaluate/flags/FASE_8_DATA_QUALITY").then().statusCode(400)
                .body("errorCode", equalTo("INVALID_CONTEXT"));
        given().contentType("application/json").body("{\"context\":")
                .when().post("/ofrep/v1/evaluate/flags").then().statusCode(400)
                .body("errorCode", equalTo("PARSE_ERROR"));
        given().contentType("application/json").body("{\"context\":{\"targetingKey\":\"f\",\"nivel_despliegue\":\"piloto\",\"app_version\":\"1.x\"}}")
                .when().post("/ofrep/v1/evaluate/flags").then().statusCode(400)
                .body("errorCode", equalTo("INVALID_CONTEXT"));
    }

    @Test
    void configuration_endpoint_describes_capabilities() {
        given().when().get("/ofrep/v1/configuration").then().statusCode(200)
                .body("name", equalTo("fincafacil-flags"))
                .body("capabilities.cacheInvalidation.polling.enabled", equalTo(true));
    }

    @Test
    void a_stock_openfeature_ofrep_provider_works_unchanged() throws Exception {
        createPhase("FASE_OFREP_SDK", 100);
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        String baseUrl = base.toString().replaceAll("/$", "");
        api.setProviderAndWait("ofrep", OfrepProvider.constructProvider(OfrepProviderOptions.builder().baseUrl(baseUrl).build()));
        Client client = api.getClient("ofrep");
        var on = new ImmutableContext("finca-sdk", Map.of("nivel_despliegue", new Value("piloto"), "app_version", new Value("1.5.0")));
        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("FASE_OFREP_SDK", false, on);
        assertTrue(details.getValue());
        assertEquals("TARGETING_MATCH", details.getReason());
        var tooOld = new ImmutableContext("finca-sdk", Map.of("nivel_despliegue", new Value("piloto"), "app_version", new Value("0.1.0")));
        assertFalse(client.getBooleanValue("FASE_OFREP_SDK", true, tooOld));
        // an unknown flag falls back to the caller's default, as OpenFeature specifies
        assertTrue(client.getBooleanValue("NOT_A_FLAG", true, on));
        api.shutdown();
    }
}

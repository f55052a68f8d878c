package com.fincafacil.flags;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.fincafacil.flags.FlagApi.as;
import static com.fincafacil.flags.FlagApi.createPhase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Operator input flags-service refuses with a 400 naming the field, and changes nothing. */
@QuarkusTest
class RefusedFlagInputIT {

    @Test
    void a_fractional_rollout_percentage_in_an_update_is_a_400_and_the_flag_keeps_its_percentage() {
        String etag = createPhase("FASE_FRACTION", 10);
        for (String percentage : new String[] {"50.5", "50.0", "1e1"}) {
            as("operator").header("If-Match", etag).body("{\"porcentaje_rollout\":" + percentage + ",\"reason\":\"half\"}")
                    .when().patch("/api/v1/flags/FASE_FRACTION").then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("porcentaje_rollout"))
                    .body("detail", containsString("whole number"));
        }
        as("viewer").when().get("/api/v1/flags/FASE_FRACTION").then()
                .body("definition.porcentaje_rollout", equalTo(10)).body("version", equalTo(1));
    }

    @Test
    void a_fractional_rollout_percentage_in_a_scheduled_change_is_a_400_and_nothing_is_scheduled() {
        createPhase("FASE_FRACTION_LATER", 10);
        as("operator").body("{\"flag\":\"FASE_FRACTION_LATER\",\"porcentaje_rollout\":50.5,\"in_next_window\":true,\"reason\":\"x\"}")
                .when().post("/api/v1/scheduled-changes").then().statusCode(400).body("field", equalTo("porcentaje_rollout"));
        as("viewer").when().get("/api/v1/scheduled-changes").then().statusCode(200)
                .body("findAll { it.flag == 'FASE_FRACTION_LATER' }", hasSize(0));
    }

    @Test
    void a_nul_character_in_a_reason_or_inside_a_definition_is_a_400_naming_the_field() {
        String etag = createPhase("FASE_NUL", 10);
        as("operator").header("If-Match", etag).body("{\"porcentaje_rollout\":20,\"reason\":\"a\\u0000b\"}")
                .when().patch("/api/v1/flags/FASE_NUL").then().statusCode(400).body("field", equalTo("reason"));
        as("admin").header("If-Match", etag).body("""
                        {"reason":"notes","definition":{"habilitado":true,"niveles":["piloto"],"porcentaje_rollout":10,
                         "version_minima":"1.0.0","notas":"x\\u0000"}}""")
                .when().put("/api/v1/flags/FASE_NUL").then().statusCode(400).body("field", equalTo("definition.notas"));
        as("viewer").when().get("/api/v1/flags/FASE_NUL").then().body("version", equalTo(1));
    }

    @Test
    void limit_and_days_that_are_not_whole_numbers_or_out_of_range_are_400_naming_the_parameter() {
        as("viewer").queryParam("limit", "abc").when().get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        as("viewer").queryParam("limit", "99999999999").when().get("/api/v1/audit").then().statusCode(400)
                .body("field", equalTo("limit"));
        as("viewer").queryParam("days", "abc").when().get("/api/v1/reports/stale-flags").then().statusCode(400)
                .body("field", equalTo("days"));
        as("viewer").queryParam("days", "0").when().get("/api/v1/reports/stale-flags").then().statusCode(400)
                .body("errors[0].field", equalTo("days"));
    }

    @Test
    void a_body_beyond_one_megabyte_is_a_413_and_changes_nothing() {
        String etag = createPhase("FASE_TOO_BIG", 10);
        as("operator").header("If-Match", etag).body("{\"porcentaje_rollout\":20,\"reason\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .when().patch("/api/v1/flags/FASE_TOO_BIG").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("payload_too_large"));
        as("viewer").when().get("/api/v1/flags/FASE_TOO_BIG").then().body("version", equalTo(1));
    }
}

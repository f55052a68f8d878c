package com.fincafacil.incident;

import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Refusals keep their codes and speak the operator's language: English unless Spanish is asked for. */
@QuarkusTest
class ProblemLanguageIT {

    private static final String OPERATOR = TestTokens.bearer("operator");

    @Test
    void an_unknown_incident_is_told_in_the_language_asked_for_with_the_same_code() {
        UUID id = UUID.randomUUID();
        get("/api/v1/incidents/" + id, "es-CO").statusCode(404).body("code", equalTo("incident_not_found"))
                .body("type", equalTo("https://fincafacil.co/problems/incident_not_found"))
                .body("title", equalTo("No encontrado")).body("detail", equalTo("No existe el incidente " + id + "."));
        get("/api/v1/incidents/" + id, "en").statusCode(404).body("code", equalTo("incident_not_found"))
                .body("title", equalTo("Not found")).body("detail", equalTo("No incident " + id + "."));
        get("/api/v1/incidents/" + id, null).statusCode(404).body("detail", equalTo("No incident " + id + "."));
    }

    @Test
    void a_query_parameter_refusal_names_the_parameter_in_either_language() {
        get("/api/v1/dora?days=0", "es").statusCode(400).body("code", equalTo("out_of_range")).body("field", equalTo("days"))
                .body("errors[0].message", equalTo("days debe ser un número entero de 1 a 3650."));
        get("/api/v1/dora?days=0", "en").statusCode(400).body("code", equalTo("out_of_range"))
                .body("errors[0].message", equalTo("days must be a whole number from 1 to 3650."));
        get("/api/v1/reports?from=2026-12-07&to=2026-12-06", "es").statusCode(400).body("code", equalTo("period_reversed"))
                .body("detail", equalTo("to debe ser posterior a from."));
        get("/api/v1/reports?from=7-12-2026", "en").statusCode(400).body("code", equalTo("invalid_format"))
                .body("detail", equalTo("from must be an ISO date (2026-12-06) or date-time (2026-12-06T02:00:00-05:00)."));
        get("/api/v1/reports/1.2.3-", "es").statusCode(400).body("code", equalTo("invalid_version")).body("field", equalTo("version"))
                .body("detail", equalTo("'1.2.3-' no es una versión semántica (MAYOR.MENOR.PARCHE, por ejemplo 1.2.3)."));
        get("/api/v1/incidents?severity=HUGE", "en").statusCode(400).body("code", equalTo("unknown_value"))
                .body("detail", equalTo("severity must be one of: SEV1, SEV2, SEV3, SEV4."));
    }

    @Test
    void a_release_version_that_is_not_semver_is_refused_in_spanish() {
        given().header("Authorization", OPERATOR).header("Accept-Language", "es").contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"severity\":\"SEV3\",\"releaseVersion\":\"1.2.3-\"}")
                .when().post("/api/v1/incidents").then().statusCode(400).body("field", equalTo("releaseVersion"))
                .body("errors[0].message", equalTo("releaseVersion debe ser una versión semántica (MAYOR.MENOR.PARCHE, por ejemplo 1.2.3)."));
    }

    @Test
    void resolving_twice_is_a_conflict_said_in_spanish() {
        String id = given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"title\":\"Lenta la app\",\"severity\":\"SEV3\"}").when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/incidents/" + id + "/resolve").then().statusCode(200);
        given().header("Authorization", OPERATOR).header("Accept-Language", "es").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/incidents/" + id + "/resolve").then().statusCode(409)
                .body("code", equalTo("incident_already_resolved")).body("field", equalTo("status"))
                .body("title", equalTo("Conflicto"))
                .body("detail", org.hamcrest.Matchers.startsWith("El incidente " + id + " ya se resolvió el "));
    }

    private static ValidatableResponse get(String path, String language) {
        var request = given().header("Authorization", OPERATOR);
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.when().get(path).then().contentType("application/problem+json");
    }
}

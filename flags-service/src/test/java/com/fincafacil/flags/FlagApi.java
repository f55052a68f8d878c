package com.fincafacil.flags;

import com.fincafacil.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Request helpers for the flags tests. */
final class FlagApi {

    private FlagApi() {
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** Creates a FASE flag on all levels at the given percentage; returns its ETag. */
    static String createPhase(String key, int percentage) {
        return as("admin").body("""
                        {"key":"%s","kind":"FASE","reason":"test",
                         "definition":{"habilitado":true,"niveles":["piloto","produccion_controlada","produccion_abierta"],
                                       "porcentaje_rollout":%d,"version_minima":"1.0.0"}}""".formatted(key, percentage))
                .when().post("/api/v1/flags").then().statusCode(201).extract().header("ETag");
    }

    static String ofrepContext(String finca, String level, String version) {
        return """
                {"context":{"targetingKey":"%s","nivel_despliegue":"%s","app_version":"%s"}}""".formatted(finca, level, version);
    }
}

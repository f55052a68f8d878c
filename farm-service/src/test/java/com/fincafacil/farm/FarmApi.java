package com.fincafacil.farm;

import com.fincafacil.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Request helpers for the farm tests: operators create fincas and keys, farm apps use the keys.
 * Every answer is checked against the OpenAPI document ({@link com.fincafacil.testing.ContractValidation}).
 */
final class FarmApi {

    private FarmApi() {
    }

    /** A finca and the API key of its app. */
    record Finca(String id, String key) {
        RequestSpecification app() {
            return checked().header("X-API-Key", key).contentType(ContentType.JSON);
        }

        String path(String rest) {
            return "/api/v1/fincas/" + id + rest;
        }

        /** Registers an animal and returns its id. */
        String animal(String earTag, String sex) {
            return app().body(Map.of("earTag", earTag, "sex", sex, "birthDate", "2022-01-15", "weightKg", 300))
                    .when().post(path("/animals")).then().statusCode(201).extract().path("id");
        }

        /** A cow registered under {@code earTag} and dead of {@code cause}: the id of the alert her death raises. */
        String deathAlert(String earTag, String cause) {
            String cow = animal(earTag, "hembra");
            app().body(Map.of("date", "2025-06-01", "cause", cause)).when().post(path("/animals/" + cow + "/death"))
                    .then().statusCode(201);
            return app().when().get(path("/alerts")).then().extract().path("[0].id");
        }
    }

    static RequestSpecification operator() {
        return operator("operator");
    }

    static RequestSpecification operator(String role) {
        return checked().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** A request (its answer is checked against the OpenAPI document, as every test's is: ContractValidation). */
    static RequestSpecification checked() {
        return given();
    }

    static Finca finca(String name, String level) {
        String id = operator().body(Map.of("name", name, "department", "Córdoba", "municipality", "Montería",
                        "deploymentLevel", level))
                .when().post("/api/v1/admin/fincas").then().statusCode(201).extract().path("id");
        String key = operator().body(Map.of("label", "app of " + name))
                .when().post("/api/v1/admin/fincas/" + id + "/api-keys").then().statusCode(201).extract().path("key");
        return new Finca(id, key);
    }
}

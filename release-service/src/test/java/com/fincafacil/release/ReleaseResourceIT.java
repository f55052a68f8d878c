package com.fincafacil.release;

import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ReleaseResourceIT {

    @Test
    void operator_plans_a_release_that_starts_planned() {
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"version\":\"1.1.0\",\"kind\":\"minor\",\"changes\":[\"Alert confidence (confianza_ia)\"]}")
                .when().post("/api/v1/releases").then().statusCode(201)
                .body("state", equalTo("PLANNED")).body("kind", equalTo("minor"));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases").then()
                .statusCode(200).body("version", hasItem("1.1.0"));
    }

    @Test
    void a_version_that_is_not_semver_is_refused_naming_the_field() {
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"version\":\"1.x\",\"kind\":\"patch\",\"changes\":[\"fix\"]}")
                .when().post("/api/v1/releases").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("version"));
    }

    @Test
    void the_same_version_cannot_be_planned_twice() {
        String body = "{\"version\":\"2.0.0\",\"kind\":\"major\",\"changes\":[\"multi-tenant\"]}";
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/releases").then().statusCode(201);
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/releases").then().statusCode(409).body("field", equalTo("version"));
    }

    @Test
    void requests_without_a_token_are_refused() {
        given().when().get("/api/v1/releases").then().statusCode(401).contentType("application/problem+json");
    }
}

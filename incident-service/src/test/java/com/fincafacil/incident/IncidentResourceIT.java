package com.fincafacil.incident;

import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class IncidentResourceIT {

    @Test
    void operator_opens_an_incident_with_a_postmortem_due_in_24_hours() {
        String id = given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"title\":\"Error rate 7% after switch\",\"severity\":\"SEV2\",\"releaseVersion\":\"1.1.0\"}")
                .when().post("/api/v1/incidents").then().statusCode(201)
                .body("openedBy", equalTo("test-operator"))
                .extract().path("id");
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/incidents").then()
                .statusCode(200).body("id", hasItem(id));
    }

    @Test
    void unknown_severity_is_refused_naming_the_field() {
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"severity\":\"HUGE\"}")
                .when().post("/api/v1/incidents").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("severity"));
    }

    @Test
    void viewer_cannot_open_an_incident() {
        given().header("Authorization", TestTokens.bearer("viewer")).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"severity\":\"SEV3\"}")
                .when().post("/api/v1/incidents").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void missing_title_is_refused_naming_the_field() {
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"severity\":\"SEV3\"}")
                .when().post("/api/v1/incidents").then().statusCode(400)
                .body("errors.field", hasItem("title"));
    }
}

package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.fincafacil.farm.FarmApi.operator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class FincaIT {

    @Test
    void operator_creates_reads_and_updates_a_finca() {
        String id = operator().body(Map.of("name", "La Esperanza", "department", "cordoba", "municipality", "Montería",
                        "deploymentLevel", "piloto"))
                .when().post("/api/v1/admin/fincas").then().statusCode(201)
                .body("department", equalTo("Córdoba")).body("createdAt", notNullValue())
                .extract().path("id");
        operator().body(Map.of("deploymentLevel", "produccion_controlada"))
                .when().patch("/api/v1/admin/fincas/" + id).then().statusCode(200)
                .body("deploymentLevel", equalTo("produccion_controlada")).body("name", equalTo("La Esperanza"));
    }

    @Test
    void an_unknown_department_or_level_is_refused_naming_the_field() {
        operator().body(Map.of("name", "X", "department", "Texas", "municipality", "Y", "deploymentLevel", "piloto"))
                .when().post("/api/v1/admin/fincas").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("department"));
        operator().body(Map.of("name", "X", "department", "Meta", "municipality", "Y", "deploymentLevel", "beta"))
                .when().post("/api/v1/admin/fincas").then().statusCode(400).body("field", equalTo("deploymentLevel"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("piloto, produccion_controlada, produccion_abierta"));
        operator().body(Map.of("department", "Meta", "municipality", "Y", "deploymentLevel", "piloto"))
                .when().post("/api/v1/admin/fincas").then().statusCode(400).body("field", equalTo("name"));
    }

    @Test
    void a_finca_with_several_problems_is_refused_with_all_of_them_and_nothing_is_created() {
        int before = operator().when().get("/api/v1/admin/fincas").then().statusCode(200).extract().path("size()");
        operator().body(Map.of("name", " ", "department", "Texas", "municipality", "M".repeat(81)))
                .when().post("/api/v1/admin/fincas").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "department", "municipality", "deploymentLevel"))
                .body("errors.code", containsInAnyOrder("field_required", "unknown_value", "too_long", "field_required"));
        // an update may leave fields out, but not blank them; its problems come together too
        String id = operator().body(Map.of("name", "Las Brisas", "department", "Meta", "municipality", "Granada",
                "deploymentLevel", "piloto")).when().post("/api/v1/admin/fincas").then().statusCode(201).extract().path("id");
        operator().body(Map.of("name", "", "deploymentLevel", "beta"))
                .when().patch("/api/v1/admin/fincas/" + id).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "deploymentLevel"));
        operator().when().get("/api/v1/admin/fincas").then().body("size()", equalTo(before + 1));
        operator().when().get("/api/v1/admin/fincas/" + id).then().body("name", equalTo("Las Brisas"))
                .body("deploymentLevel", equalTo("piloto"));
    }

    @Test
    void an_api_key_is_shown_once_listed_without_the_key_and_can_be_revoked() {
        FarmApi.Finca finca = FarmApi.finca("Llano Verde", "piloto");
        finca.app().when().get(finca.path("")).then().statusCode(200).body("name", equalTo("Llano Verde"));
        String keyId = operator().when().get("/api/v1/admin/fincas/" + finca.id() + "/api-keys").then().statusCode(200)
                .body("[0]", not(hasKey("key"))).body("[0].prefix", startsWith("ff_"))
                .extract().path("[0].id");
        operator().when().delete("/api/v1/admin/fincas/" + finca.id() + "/api-keys/" + keyId).then().statusCode(200)
                .body("revokedAt", notNullValue());
        finca.app().when().get(finca.path("")).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void liveness_names_the_slot_this_instance_runs_as() {
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'slot' }.data.slot", equalTo("blue"));
    }

    @Test
    void a_viewer_cannot_create_fincas_or_keys() {
        given().header("Authorization", com.fincafacil.testing.TestTokens.bearer("viewer")).contentType("application/json")
                .body(Map.of("name", "X", "department", "Meta", "municipality", "Y", "deploymentLevel", "piloto"))
                .when().post("/api/v1/admin/fincas").then().statusCode(403);
    }

    @Test
    void farm_routes_without_a_key_are_401() {
        FarmApi.Finca finca = FarmApi.finca("Sin Llave", "piloto");
        given().when().get(finca.path("/animals")).then().statusCode(401).body("field", equalTo("X-API-Key"))
                .body("detail", equalTo("Envíe una X-API-Key válida de esta finca (la clave de la app)."));
        given().header("X-API-Key", "ff_not-a-real-key").when().get(finca.path("/animals")).then().statusCode(401)
                .contentType("application/problem+json").body("field", equalTo("X-API-Key")).body("code", equalTo("unauthorized"));
        // an operator's bearer token is not a farm app's credential
        operator().when().get(finca.path("/animals")).then().statusCode(401).body("field", equalTo("X-API-Key"));
    }
}

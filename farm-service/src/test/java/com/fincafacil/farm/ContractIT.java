package com.fincafacil.farm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fincafacil.testing.ContractValidation;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every farm-service route, answering and refusing, through {@link ContractValidation}: each answer
 * must be one the OpenAPI document declares, with its schema. Other integration tests go through the
 * same check when they build requests with {@link FarmApi}.
 */
@QuarkusTest
class ContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void operator_routes_answer_as_the_document_says() {
        FarmApi.Finca finca = FarmApi.finca("Contrato Operadores", "piloto");
        String admin = "/api/v1/admin/fincas";
        FarmApi.operator("viewer").get(admin).then().statusCode(200);
        FarmApi.operator("viewer").get(admin + "/" + finca.id()).then().statusCode(200);
        FarmApi.operator().body(Map.of("municipality", "Lorica")).patch(admin + "/" + finca.id()).then().statusCode(200);
        String key = FarmApi.operator().body(Map.of("label", "second phone")).post(admin + "/" + finca.id() + "/api-keys")
                .then().statusCode(201).extract().path("id");
        FarmApi.operator("viewer").get(admin + "/" + finca.id() + "/api-keys").then().statusCode(200);
        FarmApi.operator().delete(admin + "/" + finca.id() + "/api-keys/" + key).then().statusCode(200);

        // refusals: a missing field, no token, a role too low, an unknown id
        FarmApi.operator().body(Map.of("name", "Sin Lugar")).post(admin).then().statusCode(400);
        FarmApi.checked().contentType("application/json").body("{}").post(admin).then().statusCode(401);
        FarmApi.operator("viewer").body(Map.of("name", "X")).post(admin).then().statusCode(403);
        FarmApi.operator().get(admin + "/" + UUID.randomUUID()).then().statusCode(404);
        FarmApi.operator().delete(admin + "/" + finca.id() + "/api-keys/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void animal_routes_answer_as_the_document_says() {
        FarmApi.Finca finca = FarmApi.finca("Contrato Animales", "produccion_controlada");
        String cow = finca.animal("CT-COW", "hembra");
        String bull = finca.animal("CT-BULL", "macho");
        String today = LocalDate.now(java.time.ZoneId.of("America/Bogota")).toString();

        finca.app().get(finca.path("")).then().statusCode(200);
        finca.app().queryParam("size", 1).get(finca.path("/animals")).then().statusCode(200);
        finca.app().get(finca.path("/animals/" + cow)).then().statusCode(200);
        finca.app().body(Map.of("date", today, "weightKg", 310.5)).post(finca.path("/animals/" + cow + "/weighings"))
                .then().statusCode(201);
        finca.app().body(Map.of("date", today, "product", "Ivermectina", "dose", "10 ml", "withdrawalDays", 28))
                .post(finca.path("/animals/" + cow + "/treatments")).then().statusCode(201);
        finca.app().body(Map.of("date", today, "calf", Map.of("earTag", "CT-CALF", "sex", "macho")))
                .post(finca.path("/animals/" + cow + "/births")).then().statusCode(201);
        finca.app().header("Idempotency-Key", "sale-1").body(Map.of("date", today, "priceCop", 2_500_000, "buyer", "Feria"))
                .post(finca.path("/animals/" + bull + "/sale")).then().statusCode(201);
        finca.app().header("Idempotency-Key", "sale-1").body(Map.of("date", today, "priceCop", 2_500_000, "buyer", "Feria"))
                .post(finca.path("/animals/" + bull + "/sale")).then().statusCode(201).header("Idempotent-Replayed", "true");
        String old = finca.animal("CT-OLD", "hembra");
        finca.app().body(Map.of("date", today, "cause", "Vejez")).post(finca.path("/animals/" + old + "/death"))
                .then().statusCode(201);

        // refusals: taken ear tag, unknown dam, sold animal, bad input, unknown animal, a key reused, no key, another finca
        finca.app().body(Map.of("earTag", "CT-COW", "sex", "hembra")).post(finca.path("/animals")).then().statusCode(409);
        finca.app().body(Map.of("earTag", "CT-ORPHAN", "sex", "hembra", "damEarTag", "CT-NONE")).post(finca.path("/animals"))
                .then().statusCode(422);
        finca.app().body(Map.of("date", today, "weightKg", 300)).post(finca.path("/animals/" + bull + "/weighings"))
                .then().statusCode(409);
        finca.app().body(Map.of("earTag", "?", "sex", "toro")).post(finca.path("/animals")).then().statusCode(400)
                .body("errors.size()", equalTo(2));
        finca.app().queryParam("size", "abc").get(finca.path("/animals")).then().statusCode(400);
        finca.app().get(finca.path("/animals/" + UUID.randomUUID())).then().statusCode(404);
        finca.app().header("Idempotency-Key", "sale-1").body(Map.of("date", today, "priceCop", 1, "buyer", "Otro"))
                .post(finca.path("/animals/" + bull + "/sale")).then().statusCode(422);
        finca.app().contentType("text/plain").body("earTag=CT-9").post(finca.path("/animals")).then().statusCode(415);
        finca.app().body("{\"earTag\":\"" + "A".repeat(1_100_000) + "\"}").post(finca.path("/animals")).then().statusCode(413);
        FarmApi.checked().get(finca.path("/animals")).then().statusCode(401);
        FarmApi.Finca other = FarmApi.finca("Contrato Otra", "piloto");
        other.app().get(finca.path("/animals")).then().statusCode(404);
    }

    @Test
    void alert_import_sync_and_module_routes_answer_as_the_document_says() {
        FarmApi.Finca finca = FarmApi.finca("Contrato Resto", "produccion_controlada");
        String today = LocalDate.now(java.time.ZoneId.of("America/Bogota")).toString();
        String cow = finca.animal("CR-COW", "hembra");
        finca.app().body(Map.of("date", today, "cause", "Rayo")).post(finca.path("/animals/" + cow + "/death")).then().statusCode(201);
        String alert = finca.app().queryParam("acknowledged", false).get(finca.path("/alerts")).then().statusCode(200)
                .extract().path("[0].id");
        finca.app().post(finca.path("/alerts/" + alert + "/acknowledge")).then().statusCode(200);
        finca.app().queryParam("acknowledged", "si").get(finca.path("/alerts")).then().statusCode(400);
        finca.app().post(finca.path("/alerts/" + UUID.randomUUID() + "/acknowledge")).then().statusCode(404);

        finca.app().contentType("text/csv").body("arete,sexo,fecha_nacimiento\nCR-1,hembra,2024-01-02\n")
                .post(finca.path("/imports/animals")).then().statusCode(200);
        finca.app().contentType("text/csv").body("arete,sexo,arete_madre\nCR-2,hembra,CR-NONE\n")
                .post(finca.path("/imports/animals")).then().statusCode(anyOf(equalTo(400), equalTo(422)));

        String op = UUID.randomUUID().toString();
        finca.app().body(Map.of("operations", List.of(Map.of("id", op, "recordedAt", java.time.Instant.now().toString(),
                        "type", "registration", "body", Map.of("earTag", "CR-SYNC", "sex", "macho")))))
                .post(finca.path("/sync")).then().statusCode(200);
        finca.app().body(Map.of("operations", List.of(Map.of("type", "registration")))).post(finca.path("/sync"))
                .then().statusCode(400);
        String cursor = finca.app().get(finca.path("/changes")).then().statusCode(200).extract().path("nextCursor");
        finca.app().queryParam("since", cursor).queryParam("limit", 1).get(finca.path("/changes")).then().statusCode(200);
        finca.app().queryParam("since", "not-a-cursor").get(finca.path("/changes")).then().statusCode(400);

        finca.app().header("X-App-Version", "2.0.0").get(finca.path("/modules")).then().statusCode(200);
        finca.app().header("X-App-Version", "v2").get(finca.path("/modules")).then().statusCode(400);
        finca.app().get(finca.path("/data-quality")).then().statusCode(anyOf(equalTo(200), equalTo(403)));
        finca.app().get(finca.path("/analytics/kpis")).then().statusCode(anyOf(equalTo(200), equalTo(403)));
        FarmApi.Finca pilot = FarmApi.finca("Contrato Piloto", "piloto");
        pilot.app().get(pilot.path("/analytics/kpis")).then().statusCode(anyOf(equalTo(200), equalTo(403)));
    }

    @Test
    void a_document_that_misstates_an_answer_is_caught() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Contrato Falso", "piloto");
        String responses = "/paths/~1api~1v1~1fincas~1{fincaId}~1animals/post/responses";
        // one document says the registration answers 200 instead of 201
        ObjectNode wrongStatus = (ObjectNode) JSON.readTree(ContractValidation.document());
        ObjectNode registration = (ObjectNode) wrongStatus.at(responses);
        registration.set("200", registration.remove("201"));
        // another says an animal's earTag is a number
        ObjectNode wrongSchema = (ObjectNode) JSON.readTree(ContractValidation.document());
        ((ObjectNode) wrongSchema.at("/components/schemas/AnimalView/properties/earTag")).put("type", "integer");

        assertTrue(refusal(wrongStatus, finca, "CF-1").contains("validation.response.status.unknown"));
        assertTrue(refusal(wrongSchema, finca, "CF-2").contains("validation.response.body.schema.type"));
        // the real document accepts the same answers
        finca.app().body(Map.of("earTag", "CF-3", "sex", "hembra")).post(finca.path("/animals")).then().statusCode(201);
    }

    private static String refusal(JsonNode document, FarmApi.Finca finca, String earTag) {
        var checkedWrongly = ContractValidation.filterFor(document.toString());
        return assertThrows(OpenApiValidationFilter.OpenApiValidationException.class,
                () -> given().filter(checkedWrongly).header("X-API-Key", finca.key()).contentType("application/json")
                        .body(Map.of("earTag", earTag, "sex", "hembra")).post(finca.path("/animals"))).getMessage();
    }

    @Test
    void the_document_names_both_credentials_and_the_problem_shape() throws Exception {
        JsonNode doc = JSON.readTree(ContractValidation.document());
        assertEquals("bearer", doc.at("/components/securitySchemes/operatorJwt/scheme").asText());
        assertEquals("X-API-Key", doc.at("/components/securitySchemes/farmApiKey/name").asText());
        assertEquals("header", doc.at("/components/securitySchemes/farmApiKey/in").asText());
        JsonNode register = doc.at("/paths/~1api~1v1~1fincas~1{fincaId}~1animals/post");
        assertEquals("farmApiKey", register.at("/security/0").fieldNames().next());
        // OpenAPI 3.0 wants a bearer requirement's scopes empty, so the roles are in x-roles
        JsonNode createFinca = doc.at("/paths/~1api~1v1~1admin~1fincas/post");
        assertEquals("operatorJwt", createFinca.at("/security/0").fieldNames().next());
        assertEquals("[\"operator\"]", createFinca.path("x-roles").toString());
        assertEquals("[\"viewer\"]", doc.at("/paths/~1api~1v1~1admin~1fincas/get/x-roles").toString());
        assertTrue(register.path("x-roles").isMissingNode(), "a farm app's route names no operator role");
        assertEquals("#/components/schemas/Problem",
                register.at("/responses/409/content/application~1problem+json/schema/$ref").asText());
        assertTrue(doc.at("/components/schemas/Problem/properties/errors").isObject());
        assertTrue(register.at("/responses/201/headers/Idempotent-Replayed").isObject(), "a replay is marked");
        // that every answer has a schema is checked for every service by ServiceContractTests
    }
}

package com.fincafacil.farm;

import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Input the API refuses with a 4xx that names what is wrong, found by trying it as a farm app would. */
@QuarkusTest
class RefusedInputIT {

    @Test
    void a_nul_character_in_a_text_field_is_a_400_naming_the_field_and_writes_nothing() {
        FarmApi.Finca finca = FarmApi.finca("Nulo", "piloto");
        finca.app().body(Map.of("earTag", "NUL-1", "sex", "hembra", "breed", "Brah\u0000man"))
                .when().post(finca.path("/animals")).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("breed"))
                .body("detail", containsString("NUL"));
        finca.app().when().get(finca.path("/animals")).then().statusCode(200).body("", hasSize(0));

        String cow = finca.animal("NUL-2", "hembra");
        finca.app().body(Map.of("date", "2025-06-15", "priceCop", 3200000, "buyer", "Subasta\u0000"))
                .when().post(finca.path("/animals/" + cow + "/sale")).then().statusCode(400).body("field", equalTo("buyer"));
        finca.app().when().get(finca.path("/animals/" + cow)).then().body("animal.status", equalTo("activo"));
        FarmApi.operator().body(Map.of("name", "Finca\u0000", "department", "Córdoba", "municipality", "Montería",
                "deploymentLevel", "piloto")).when().post("/api/v1/admin/fincas").then().statusCode(400).body("field", equalTo("name"));
    }

    @Test
    void a_price_above_the_documented_maximum_is_a_400_and_the_maximum_itself_is_accepted() {
        FarmApi.Finca finca = FarmApi.finca("Precio", "piloto");
        String cow = finca.animal("PR-1", "hembra");
        for (String price : new String[] {"1e20", "10000000000.01", "1e999999999"}) {
            finca.app().body("{\"date\":\"2025-06-15\",\"priceCop\":" + price + ",\"buyer\":\"Subasta\"}")
                    .when().post(finca.path("/animals/" + cow + "/sale")).then().statusCode(400)
                    .body("field", equalTo("priceCop")).body("detail", not(containsString("Exception")));
        }
        finca.app().body("{\"date\":\"2025-06-15\",\"priceCop\":10000000000,\"buyer\":\"Subasta\"}")
                .when().post(finca.path("/animals/" + cow + "/sale")).then().statusCode(201);
    }

    @Test
    void page_and_size_that_are_not_whole_numbers_or_out_of_range_are_400_naming_the_parameter() {
        FarmApi.Finca finca = FarmApi.finca("Paginas", "piloto");
        finca.app().queryParam("size", "abc").when().get(finca.path("/animals")).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("size")).body("detail", containsString("abc"));
        finca.app().queryParam("page", "99999999999").when().get(finca.path("/animals")).then().statusCode(400)
                .body("field", equalTo("page"));
        finca.app().queryParam("page", "1.5").when().get(finca.path("/alerts")).then().statusCode(400)
                .body("field", equalTo("page"));
        // a whole number, but page × size would overflow the row offset
        finca.app().queryParam("page", "2147483647").when().get(finca.path("/animals")).then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        finca.app().queryParam("page", "2147483647").when().get(finca.path("/alerts")).then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        finca.app().queryParam("page", "2").queryParam("size", "10").when().get(finca.path("/animals")).then().statusCode(200);
    }

    @Test
    void acknowledged_is_true_or_false_and_anything_else_is_a_400() {
        FarmApi.Finca finca = FarmApi.finca("Reconocidas", "piloto");
        for (String value : new String[] {"yes", "1", "si", "sí"}) {
            finca.app().queryParam("acknowledged", value).when().get(finca.path("/alerts")).then().statusCode(400)
                    .body("field", equalTo("acknowledged")).body("detail", containsString("escriba true (sí) o false (no)"));
        }
        finca.app().queryParam("acknowledged", "TRUE").when().get(finca.path("/alerts")).then().statusCode(200);
        finca.app().queryParam("acknowledged", "false").when().get(finca.path("/alerts")).then().statusCode(200);
    }

    @Test
    void an_unsupported_method_on_a_known_address_is_405_with_allow() {
        FarmApi.Finca finca = FarmApi.finca("Metodos", "piloto");
        finca.app().body("{}").when().put(finca.path("/animals")).then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, POST"));
        finca.app().when().delete(finca.path("")).then().statusCode(405).header("Allow", equalTo("GET, HEAD"));
        FarmApi.operator().when().put("/api/v1/admin/fincas").then().statusCode(405).header("Allow", containsString("POST"));
        // an address no route serves stays a 404
        finca.app().when().put(finca.path("/cows")).then().statusCode(404);
    }

    @Test
    void a_blank_idempotency_key_is_a_400_and_writes_nothing() {
        FarmApi.Finca finca = FarmApi.finca("Clave Vacia", "piloto");
        for (String key : new String[] {"", "   "}) {
            finca.app().header("Idempotency-Key", key).body(Map.of("earTag", "IK-1", "sex", "macho"))
                    .when().post(finca.path("/animals")).then().statusCode(400).body("field", equalTo("Idempotency-Key"));
        }
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(0));
    }

    @Test
    void an_api_key_is_created_without_a_body() throws Exception {
        String fincaId = FarmApi.operator().body(Map.of("name", "Sin Cuerpo", "department", "Córdoba",
                        "municipality", "Montería", "deploymentLevel", "piloto"))
                .when().post("/api/v1/admin/fincas").then().statusCode(201).extract().path("id");
        // what curl -XPOST sends: no Content-Type, no body
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/admin/fincas/" + fincaId + "/api-keys"))
                .header("Authorization", TestTokens.bearer("operator"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String key = io.restassured.path.json.JsonPath.from(created.body()).getString("key");
        given().header("X-API-Key", key).when().get("/api/v1/fincas/" + fincaId).then().statusCode(200);
    }

    @Test
    void location_names_the_address_the_client_used_behind_the_traffic_entry() {
        String location = FarmApi.operator().header("X-Forwarded-Host", "fincas.example.co:8080")
                .header("X-Forwarded-Proto", "https")
                .body(Map.of("name", "Detras", "department", "Córdoba", "municipality", "Montería", "deploymentLevel", "piloto"))
                .when().post("/api/v1/admin/fincas").then().statusCode(201).extract().header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(location.startsWith("https://fincas.example.co:8080/api/v1/admin/fincas/"), location);
    }

    @Test
    void a_refused_body_lists_every_problem_with_its_field_and_a_stable_code() {
        FarmApi.Finca finca = FarmApi.finca("Todos Los Errores", "piloto");
        finca.app().body(Map.of("earTag", "no spaces!", "sex", "toro", "weightKg", 0, "species", "gato",
                        "birthDate", LocalDate.now().plusDays(3).toString()))
                .when().post(finca.path("/animals")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_input")).body("type", equalTo("https://fincafacil.co/problems/invalid_input"))
                .body("errors.field", containsInAnyOrder("earTag", "species", "sex", "birthDate", "weightKg"))
                .body("errors.find { it.field == 'earTag' }.code", equalTo("invalid_ear_tag"))
                .body("errors.find { it.field == 'species' }.code", equalTo("unknown_value"))
                .body("errors.find { it.field == 'sex' }.code", equalTo("unknown_value"))
                .body("errors.find { it.field == 'birthDate' }.code", equalTo("date_in_future"))
                .body("errors.find { it.field == 'weightKg' }.code", equalTo("out_of_range"))
                .body("errors.message", everyItem(not(emptyOrNullString())));
        finca.app().body(Map.of("breed", "Brahman")).when().post(finca.path("/animals")).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("earTag", "sex"))
                .body("errors.code", everyItem(equalTo("field_required")));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(0));
        // one problem: the answer's own code and type are that problem's
        finca.animal("CODE-1", "macho");
        finca.app().body(Map.of("earTag", "CODE-1", "sex", "macho")).when().post(finca.path("/animals")).then().statusCode(409)
                .body("code", equalTo("ear_tag_taken")).body("type", equalTo("https://fincafacil.co/problems/ear_tag_taken"));
        finca.app().when().get(finca.path("/animals/" + java.util.UUID.randomUUID())).then().statusCode(404)
                .body("code", equalTo("animal_not_found"));
    }

    @Test
    void a_value_in_the_wrong_format_is_told_how_to_write_it() {
        FarmApi.Finca finca = FarmApi.finca("Formatos", "piloto");
        finca.app().body("{\"earTag\":\"FMT-1\",\"sex\":\"macho\",\"birthDate\":\"28/11/2025\"}")
                .when().post(finca.path("/animals")).then().statusCode(400)
                .body("field", equalTo("birthDate")).body("code", equalTo("invalid_format"))
                .body("detail", containsString("escriba la fecha como 2026-11-28"))
                .body("errors[0].message", containsString("2026-11-28"));
        String cow = finca.animal("FMT-2", "hembra");
        finca.app().header("Accept-Language", "en").body("{\"date\":\"2025-06-15\",\"priceCop\":\"mucho\",\"buyer\":\"Subasta\"}")
                .when().post(finca.path("/animals/" + cow + "/sale")).then().statusCode(400)
                .body("field", equalTo("priceCop")).body("detail", containsString("a number such as 450.5"));
    }

    @Test
    void a_body_the_json_reader_refuses_lists_every_field_at_once() {
        FarmApi.Finca finca = FarmApi.finca("Todo de una", "piloto");
        finca.app().body("{\"earTag\":\"ALL-1\",\"sex\":\"macho\",\"birthDate\":\"28/11/2025\",\"weightKg\":\"mucho\","
                        + "\"breed\":{\"a\":1},\"color\":\"negro\",\"status\":\"activo\"}")
                .when().post(finca.path("/animals")).then().statusCode(400).body("code", equalTo("invalid_input"))
                .body("errors.field", org.hamcrest.Matchers.contains("birthDate", "weightKg", "breed", "color"))
                .body("errors.code", org.hamcrest.Matchers.contains("invalid_format", "invalid_format", "wrong_type", "unknown_field"))
                .body("errors[0].message", equalTo("fecha de nacimiento: escriba la fecha como 2026-11-28 (año-mes-día)."));
        // a body that stops being JSON half-way keeps what was found before, and says where it stopped
        finca.app().body("{\"birthDate\":\"ayer\",\"sex\": }").when().post(finca.path("/animals")).then().statusCode(400)
                .body("errors.code", org.hamcrest.Matchers.contains("invalid_format", "malformed_json"));
        finca.app().when().get(finca.path("/animals")).then().body("", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void a_refused_event_lists_every_problem_and_records_nothing() {
        FarmApi.Finca finca = FarmApi.finca("Eventos Errados", "piloto");
        String cow = finca.animal("EV-1", "hembra");
        finca.app().body(Map.of("date", LocalDate.now().plusDays(5).toString(), "priceCop", -1))
                .when().post(finca.path("/animals/" + cow + "/sale")).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("date", "priceCop", "buyer"))
                .body("errors.code", containsInAnyOrder("date_in_future", "out_of_range", "field_required"));
        finca.app().body(Map.of("date", "2025-01-10", "dose", "d".repeat(61), "nextDueDate", "2025-01-01", "withdrawalDays", 400))
                .when().post(finca.path("/animals/" + cow + "/treatments")).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("product", "dose", "nextDueDate", "withdrawalDays"));
        finca.app().when().get(finca.path("/animals/" + cow)).then()
                .body("animal.status", equalTo("activo")).body("treatments", hasSize(0));
    }

    @Test
    void a_body_beyond_its_documented_limit_is_a_413_and_writes_nothing() {
        FarmApi.Finca finca = FarmApi.finca("Demasiado", "produccion_controlada");
        StringBuilder csv = new StringBuilder("arete;sexo;raza\n");
        for (int i = 0; csv.length() <= 10 * 1024 * 1024 + 100; i++) {
            csv.append("CO-").append(i).append(";hembra;").append("x".repeat(40)).append('\n');
        }
        finca.app().contentType("text/csv").body(csv.toString()).when().post(finca.path("/imports/animals")).then()
                .statusCode(413).contentType("application/problem+json").body("code", equalTo("payload_too_large"))
                .body("detail", containsString("10485760"));
        finca.app().body(Map.of("earTag", "BIG-1", "sex", "macho", "breed", "x".repeat(1024 * 1024 + 1)))
                .when().post(finca.path("/animals")).then().statusCode(413).body("detail", containsString("1048576"));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(0));
    }
}

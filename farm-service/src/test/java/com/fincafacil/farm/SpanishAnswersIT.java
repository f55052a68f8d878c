package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/**
 * A farm app is answered in Spanish unless it asks otherwise: every problem's title and detail,
 * every field's message and every CSV error, with dates as a farmer writes them; English on
 * request. Operators' routes answer in English unless asked for Spanish. Codes never change.
 */
@QuarkusTest
class SpanishAnswersIT {

    private static final String TOMORROW = LocalDate.now(ZoneId.of("America/Bogota")).plusDays(1).toString();
    private static final String TODAY_AS_WRITTEN = LocalDate.now(ZoneId.of("America/Bogota"))
            .format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    private static final Map<String, Object> BAD_ANIMAL = Map.of("earTag", "!", "sex", "toro", "birthDate", TOMORROW,
            "weightKg", 5000, "status", "perdido");

    @Test
    void a_farm_app_gets_every_problem_of_a_body_in_spanish_by_default() {
        FarmApi.Finca finca = FarmApi.finca("La Esperanza", "piloto");
        finca.app().body(BAD_ANIMAL).when().post(finca.path("/animals")).then().statusCode(400)
                .header("Content-Language", "es-CO")
                .body("title", equalTo("Datos no válidos")).body("code", equalTo("invalid_input"))
                .body("errors.field", containsInAnyOrder("earTag", "sex", "birthDate", "weightKg", "status"))
                .body("errors.find { it.field == 'earTag' }.message", containsString("arete: el arete lleva de 2 a 20"))
                .body("errors.find { it.field == 'sex' }.message", equalTo("sexo: ese valor no existe. Escriba uno de estos: macho, hembra."))
                .body("errors.find { it.field == 'birthDate' }.message",
                        equalTo("fecha de nacimiento: la fecha no puede ser después de hoy (" + TODAY_AS_WRITTEN + ")."))
                .body("errors.find { it.field == 'weightKg' }.message", equalTo("peso: el peso debe ser mayor que 0 y menor que 2000 kg."))
                .body("errors.code", hasItems("invalid_ear_tag", "unknown_value", "date_in_future", "out_of_range"));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(0));
    }

    @Test
    void accept_language_en_gets_the_same_problems_in_english() {
        FarmApi.Finca finca = FarmApi.finca("Hacienda Inglesa", "piloto");
        finca.app().header("Accept-Language", "en-US,en;q=0.9").body(BAD_ANIMAL).when().post(finca.path("/animals"))
                .then().statusCode(400).header("Content-Language", "en")
                .body("title", equalTo("Invalid input"))
                .body("errors.find { it.field == 'weightKg' }.message", equalTo("weightKg must be more than 0 and less than 2000 kg"))
                .body("errors.find { it.field == 'sex' }.message", equalTo("sex must be one of: macho, hembra."));
        // any Spanish is Colombian Spanish; a language we do not speak falls back to the route's default
        finca.app().header("Accept-Language", "es-MX").body(BAD_ANIMAL).when().post(finca.path("/animals"))
                .then().header("Content-Language", "es-CO");
        finca.app().header("Accept-Language", "pt-BR").body(BAD_ANIMAL).when().post(finca.path("/animals"))
                .then().header("Content-Language", "es-CO").body("title", equalTo("Datos no válidos"));
    }

    @Test
    void a_refusal_of_the_animals_state_and_a_missing_animal_are_in_spanish() {
        FarmApi.Finca finca = FarmApi.finca("El Recreo", "piloto");
        String steer = finca.animal("REC-1", "macho");
        finca.app().body(Map.of("date", "2025-05-01", "priceCop", 3_000_000, "buyer", "Feria de Montería"))
                .when().post(finca.path("/animals/" + steer + "/sale")).then().statusCode(201);
        finca.app().body(Map.of("date", "2025-06-01", "weightKg", 410)).when().post(finca.path("/animals/" + steer + "/weighings"))
                .then().statusCode(409).body("code", equalTo("animal_sold"))
                .body("title", equalTo("El animal ya no está en la finca"))
                .body("detail", containsString("ya fue vendido"));
        finca.app().when().get(finca.path("/animals/00000000-0000-0000-0000-000000000009")).then().statusCode(404)
                .body("code", equalTo("animal_not_found"))
                .body("detail", equalTo("No hay ningún animal 00000000-0000-0000-0000-000000000009 en esta finca."));
        finca.app().body(Map.of("earTag", "REC-1", "sex", "macho")).when().post(finca.path("/animals")).then().statusCode(409)
                .body("detail", equalTo("Ya hay un animal con el arete REC-1 en esta finca."));
        // a field's own words win over the code's general detail
        finca.app().body(Map.of("earTag", "REC-2", "sex", "macho", "damEarTag", "REC-1")).when().post(finca.path("/animals"))
                .then().statusCode(422).body("code", equalTo("dam_not_female"))
                .body("detail", equalTo("La madre REC-1 no es hembra."));
    }

    @Test
    void csv_import_errors_are_in_spanish_with_their_lines() {
        FarmApi.Finca finca = FarmApi.finca("Potrero Grande", "piloto");
        String file = "arete;sexo;fecha_nacimiento;peso_kg\nPG-1;toro;2024-01-10;300\nPG-1;hembra;10/01/2024;-5\n";
        finca.app().contentType("text/csv; charset=UTF-8").body(file).when().post(finca.path("/imports/animals"))
                .then().statusCode(400)
                .body("detail", equalTo("El archivo tiene 4 error(es); no se importó ningún animal."))
                .body("errors.find { it.line == 2 && it.field == 'sexo' }.message", containsString("sexo: ese valor no existe"))
                .body("errors.find { it.line == 3 && it.field == 'fecha_nacimiento' }.message",
                        equalTo("fecha_nacimiento: escriba la fecha como 2026-11-28 (año-mes-día)."))
                .body("errors.find { it.line == 3 && it.field == 'peso_kg' }.message",
                        equalTo("peso_kg: el peso debe ser mayor que 0 y menor que 2000 kg."))
                .body("errors.find { it.line == 3 && it.field == 'arete' }.message", equalTo("El arete PG-1 ya aparece en la línea 2."));
    }

    @Test
    void operators_are_answered_in_english_unless_they_ask_for_spanish() {
        Map<String, String> finca = Map.of("name", "X", "department", "Narnia", "municipality", "Y", "deploymentLevel", "piloto");
        FarmApi.operator().body(finca).when().post("/api/v1/admin/fincas").then().statusCode(400)
                .header("Content-Language", "en").body("title", equalTo("Invalid input"))
                .body("detail", containsString("Colombia's departments"));
        FarmApi.operator().header("Accept-Language", "es").body(finca).when().post("/api/v1/admin/fincas").then().statusCode(400)
                .header("Content-Language", "es-CO").body("title", equalTo("Datos no válidos"))
                .body("detail", containsString("departamento: escriba un departamento de Colombia"));
    }
}

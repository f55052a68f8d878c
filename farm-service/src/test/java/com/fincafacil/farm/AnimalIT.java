package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class AnimalIT {

    @Test
    void a_farm_app_registers_an_animal_with_defaults_and_reads_it_with_history() {
        FarmApi.Finca finca = FarmApi.finca("Registro", "piloto");
        String id = finca.app().body(Map.of("earTag", "co-0001", "sex", "hembra", "breed", "Brahman", "birthDate", "2021-05-10", "weightKg", 452.5))
                .when().post(finca.path("/animals")).then().statusCode(201)
                .body("earTag", equalTo("CO-0001")).body("species", equalTo("bovino")).body("status", equalTo("activo"))
                .extract().path("id");
        finca.app().when().get(finca.path("/animals/" + id)).then().statusCode(200)
                .body("animal.breed", equalTo("Brahman")).body("animal.weightKg", equalTo(452.5f))
                .body("weighings", hasSize(0)).body("alerts", hasSize(0));
    }

    @Test
    void the_same_ear_tag_twice_in_a_finca_is_409_but_fine_in_another_finca() {
        FarmApi.Finca one = FarmApi.finca("Uno", "piloto");
        FarmApi.Finca two = FarmApi.finca("Dos", "piloto");
        one.animal("DUP-1", "macho");
        one.app().body(Map.of("earTag", "DUP-1", "sex", "macho")).when().post(one.path("/animals")).then()
                .statusCode(409).body("field", equalTo("earTag"));
        two.animal("DUP-1", "macho");
    }

    @Test
    void two_racing_registrations_of_one_ear_tag_give_one_201_and_one_409() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Carrera", "piloto");
        java.util.concurrent.Callable<Integer> register = () -> finca.app().body(Map.of("earTag", "RACE-1", "sex", "macho"))
                .when().post(finca.path("/animals")).statusCode();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var results = pool.invokeAll(java.util.List.of(register, register));
            var statuses = java.util.List.of(results.get(0).get(), results.get(1).get());
            org.junit.jupiter.api.Assertions.assertTrue(statuses.containsAll(java.util.List.of(201, 409)), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void every_field_is_validated_naming_the_field_and_nothing_is_written() {
        FarmApi.Finca finca = FarmApi.finca("Validacion", "piloto");
        bad(finca, Map.of("earTag", "no spaces!", "sex", "macho"), "earTag");
        bad(finca, Map.of("earTag", "W-0", "sex", "macho", "weightKg", 0), "weightKg");
        bad(finca, Map.of("earTag", "W-2000", "sex", "macho", "weightKg", 2000), "weightKg");
        bad(finca, Map.of("earTag", "F-1", "sex", "macho", "birthDate", LocalDate.now().plusDays(2).toString()), "birthDate");
        bad(finca, Map.of("earTag", "S-1", "sex", "otro"), "sex");
        bad(finca, Map.of("earTag", "E-1", "sex", "macho", "species", "dragon"), "species");
        bad(finca, Map.of("earTag", "ST-1", "sex", "macho", "status", "perdido"), "status");
        finca.app().body("{\"earTag\":\"D-1\",\"sex\":\"macho\",\"birthDate\":\"2021-13-45\"}")
                .when().post(finca.path("/animals")).then().statusCode(400).body("field", equalTo("birthDate"));
        finca.app().when().get(finca.path("/animals")).then().statusCode(200).body("", hasSize(0));
        finca.app().body(Map.of("earTag", "W-OK", "sex", "macho", "weightKg", 1999.99)).when().post(finca.path("/animals"))
                .then().statusCode(201);
    }

    @Test
    void a_dam_must_be_a_female_of_the_finca() {
        FarmApi.Finca finca = FarmApi.finca("Madres", "piloto");
        finca.animal("TORO-1", "macho");
        finca.app().body(Map.of("earTag", "CRIA-1", "sex", "hembra", "damEarTag", "TORO-1"))
                .when().post(finca.path("/animals")).then().statusCode(422).body("field", equalTo("damEarTag"));
        finca.app().body(Map.of("earTag", "CRIA-2", "sex", "hembra", "damEarTag", "NADIE-9"))
                .when().post(finca.path("/animals")).then().statusCode(422).body("field", equalTo("damEarTag"));
    }

    @Test
    void the_list_filters_and_pages() {
        FarmApi.Finca finca = FarmApi.finca("Lista", "piloto");
        for (int i = 1; i <= 5; i++) {
            finca.animal("L-" + i, i % 2 == 0 ? "macho" : "hembra");
        }
        finca.app().queryParam("sex", "hembra").when().get(finca.path("/animals")).then().statusCode(200)
                .body("earTag", contains("L-1", "L-3", "L-5"));
        finca.app().queryParam("size", 2).queryParam("page", 1).when().get(finca.path("/animals")).then()
                .body("earTag", contains("L-3", "L-4"));
        finca.app().queryParam("status", "perdido").when().get(finca.path("/animals")).then().statusCode(400)
                .body("field", equalTo("status"));
        finca.app().queryParam("size", 5000).when().get(finca.path("/animals")).then().statusCode(400)
                .body("field", equalTo("size"));
    }

    private static void bad(FarmApi.Finca finca, Map<String, Object> body, String field) {
        finca.app().body(new HashMap<>(body)).when().post(finca.path("/animals")).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo(field));
    }
}

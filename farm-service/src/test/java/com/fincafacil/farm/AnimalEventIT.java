package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class AnimalEventIT {

    @Test
    void weighings_and_treatments_become_the_animals_history() {
        FarmApi.Finca finca = FarmApi.finca("Historia", "piloto");
        String cow = finca.animal("H-1", "hembra");
        finca.app().body(Map.of("date", "2025-03-01", "weightKg", 310)).when().post(finca.path("/animals/" + cow + "/weighings"))
                .then().statusCode(201).body("weightKg", equalTo(310));
        finca.app().body(Map.of("product", "Aftosa", "dose", "2 ml", "date", "2025-03-02", "nextDueDate", "2025-09-02", "withdrawalDays", 21))
                .when().post(finca.path("/animals/" + cow + "/treatments")).then().statusCode(201)
                .body("nextDueDate", equalTo("2025-09-02"));
        finca.app().when().get(finca.path("/animals/" + cow)).then()
                .body("animal.weightKg", equalTo(310.0f))
                .body("weighings.weightKg", contains(310.0f))
                .body("treatments.product", contains("Aftosa"));
    }

    @Test
    void a_birth_registers_the_calf_linked_to_its_dam() {
        FarmApi.Finca finca = FarmApi.finca("Partos", "piloto");
        String cow = finca.animal("MADRE-1", "hembra");
        String calf = finca.app().body(Map.of("date", "2025-04-01", "calf", Map.of("earTag", "TERNERO-1", "sex", "macho", "weightKg", 32)))
                .when().post(finca.path("/animals/" + cow + "/births")).then().statusCode(201)
                .body("damId", equalTo(cow)).body("birthDate", equalTo("2025-04-01")).extract().path("id");
        finca.app().when().get(finca.path("/animals/" + cow)).then().body("births.calfId", contains(calf));
    }

    @Test
    void a_male_cannot_give_birth_and_nothing_is_half_written() {
        FarmApi.Finca finca = FarmApi.finca("Partos Malos", "piloto");
        String bull = finca.animal("TORO-9", "macho");
        finca.app().body(Map.of("date", "2025-04-01", "calf", Map.of("earTag", "NUNCA-1", "sex", "macho")))
                .when().post(finca.path("/animals/" + bull + "/births")).then().statusCode(422)
                .contentType("application/problem+json");
        String cow = finca.animal("VACA-9", "hembra");
        finca.app().body(Map.of("date", "2025-04-01", "calf", Map.of("earTag", "bad tag!", "sex", "macho")))
                .when().post(finca.path("/animals/" + cow + "/births")).then().statusCode(400).body("field", equalTo("earTag"));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(2));
    }

    @Test
    void a_sold_animal_cannot_be_weighed_or_sold_again() {
        FarmApi.Finca finca = FarmApi.finca("Ventas", "piloto");
        String steer = finca.animal("V-1", "macho");
        finca.app().body(Map.of("date", "2025-05-01", "priceCop", 3_500_000, "buyer", "Subasta Montería"))
                .when().post(finca.path("/animals/" + steer + "/sale")).then().statusCode(201).body("priceCop", equalTo(3500000));
        finca.app().body(Map.of("date", "2025-05-02", "priceCop", 3_600_000, "buyer", "Otro"))
                .when().post(finca.path("/animals/" + steer + "/sale")).then().statusCode(409)
                .contentType("application/problem+json");
        finca.app().body(Map.of("date", "2025-05-03", "weightKg", 400))
                .when().post(finca.path("/animals/" + steer + "/weighings")).then().statusCode(409);
        finca.app().when().get(finca.path("/animals/" + steer)).then()
                .body("animal.status", equalTo("vendido")).body("sale.buyer", equalTo("Subasta Montería"))
                .body("weighings", hasSize(0));
    }

    @Test
    void a_dead_animal_cannot_be_treated_and_its_death_is_recorded() {
        FarmApi.Finca finca = FarmApi.finca("Muertes", "piloto");
        String cow = finca.animal("M-1", "hembra");
        finca.app().body(Map.of("date", "2025-06-01", "cause", "Rayo")).when().post(finca.path("/animals/" + cow + "/death"))
                .then().statusCode(201).body("cause", equalTo("Rayo"));
        finca.app().body(Map.of("product", "X", "dose", "1", "date", "2025-06-02"))
                .when().post(finca.path("/animals/" + cow + "/treatments")).then().statusCode(409);
        finca.app().when().get(finca.path("/animals/" + cow)).then().body("animal.status", equalTo("muerto"))
                .body("death.date", notNullValue());
    }

    @Test
    void event_input_is_validated_naming_the_field() {
        FarmApi.Finca finca = FarmApi.finca("Eventos Malos", "piloto");
        String cow = finca.animal("EV-1", "hembra");
        finca.app().body(Map.of("date", LocalDate.now().plusDays(3).toString(), "weightKg", 300))
                .when().post(finca.path("/animals/" + cow + "/weighings")).then().statusCode(400).body("field", equalTo("date"));
        finca.app().body(Map.of("date", "2025-01-01", "weightKg", -5))
                .when().post(finca.path("/animals/" + cow + "/weighings")).then().statusCode(400).body("field", equalTo("weightKg"));
        finca.app().body(Map.of("date", "2025-01-01", "priceCop", -1, "buyer", "x"))
                .when().post(finca.path("/animals/" + cow + "/sale")).then().statusCode(400).body("field", equalTo("priceCop"));
        finca.app().body(Map.of("date", "2020-01-01", "weightKg", 300))
                .when().post(finca.path("/animals/" + cow + "/weighings")).then().statusCode(400).body("field", equalTo("date"));
        finca.app().when().get(finca.path("/animals/" + cow)).then().body("weighings", hasSize(0))
                .body("animal.status", equalTo("activo"));
    }
}

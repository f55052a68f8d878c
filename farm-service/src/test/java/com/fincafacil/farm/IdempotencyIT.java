package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IdempotencyIT {

    @Test
    void a_retry_with_the_same_key_returns_the_first_result_and_writes_nothing_new() {
        FarmApi.Finca finca = FarmApi.finca("Reintentos", "piloto");
        var body = Map.of("earTag", "R-1", "sex", "hembra");
        String first = finca.app().header("Idempotency-Key", "retry-1").body(body).when().post(finca.path("/animals"))
                .then().statusCode(201).extract().asString();
        String second = finca.app().header("Idempotency-Key", "retry-1").body(body).when().post(finca.path("/animals"))
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(first, second);
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(1));
    }

    @Test
    void a_retried_sale_is_counted_once() {
        FarmApi.Finca finca = FarmApi.finca("Venta Reintentada", "piloto");
        String steer = finca.animal("VR-1", "macho");
        var sale = Map.of("date", "2025-05-01", "priceCop", 2_000_000, "buyer", "Feria");
        double before = Metrics.value("fincafacil_sales_total");
        finca.app().header("Idempotency-Key", "sale-1").body(sale).when().post(finca.path("/animals/" + steer + "/sale"))
                .then().statusCode(201);
        finca.app().header("Idempotency-Key", "sale-1").body(sale).when().post(finca.path("/animals/" + steer + "/sale"))
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(before + 1, Metrics.value("fincafacil_sales_total"));
    }

    @Test
    void the_same_key_for_a_different_request_is_422() {
        FarmApi.Finca finca = FarmApi.finca("Llave Reusada", "piloto");
        finca.app().header("Idempotency-Key", "k-1").body(Map.of("earTag", "K-1", "sex", "hembra"))
                .when().post(finca.path("/animals")).then().statusCode(201);
        finca.app().header("Idempotency-Key", "k-1").body(Map.of("earTag", "K-2", "sex", "hembra"))
                .when().post(finca.path("/animals")).then().statusCode(422).body("field", equalTo("Idempotency-Key"));
        finca.app().when().get(finca.path("/animals")).then().body("", hasSize(1));
    }

    @Test
    void the_same_key_and_body_sent_to_another_animal_is_422_not_a_silent_replay() {
        FarmApi.Finca finca = FarmApi.finca("Dos Pesajes", "piloto");
        String one = finca.animal("DP-1", "hembra");
        String two = finca.animal("DP-2", "hembra");
        var weighing = Map.of("date", "2025-03-01", "weightKg", 300);
        finca.app().header("Idempotency-Key", "w-1").body(weighing).when().post(finca.path("/animals/" + one + "/weighings"))
                .then().statusCode(201);
        finca.app().header("Idempotency-Key", "w-1").body(weighing).when().post(finca.path("/animals/" + two + "/weighings"))
                .then().statusCode(422).body("field", equalTo("Idempotency-Key"));
    }

    @Test
    void a_retried_csv_upload_with_the_same_key_returns_the_first_answer() {
        FarmApi.Finca finca = FarmApi.finca("CSV Reintentado", "produccion_controlada");
        String file = "arete;sexo\nCR-1;hembra\nCR-2;macho\n";
        String first = finca.app().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", "csv-1").body(file)
                .when().post(finca.path("/imports/animals")).then().statusCode(200).body("imported", equalTo(2)).extract().asString();
        String second = finca.app().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", "csv-1").body(file)
                .when().post(finca.path("/imports/animals")).then().statusCode(200).header("Idempotent-Replayed", "true")
                .extract().asString();
        assertEquals(first, second);
        finca.app().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", "csv-1").body("arete;sexo\nCR-3;hembra\n")
                .when().post(finca.path("/imports/animals")).then().statusCode(422).body("field", equalTo("Idempotency-Key"));
    }

    @Test
    void a_failed_request_does_not_consume_its_key() {
        FarmApi.Finca finca = FarmApi.finca("Fallo Primero", "piloto");
        finca.app().header("Idempotency-Key", "f-1").body(Map.of("earTag", "F-1", "sex", "otro"))
                .when().post(finca.path("/animals")).then().statusCode(400);
        finca.app().header("Idempotency-Key", "f-1").body(Map.of("earTag", "F-1", "sex", "otro"))
                .when().post(finca.path("/animals")).then().statusCode(400);
    }
}

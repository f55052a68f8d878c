package com.fincafacil.farm;

import com.fincafacil.farm.service.OverdueTreatmentScan;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Alert rules and the ALERTAS flags. flags-service is not running in this module's tests, so the
 * answers come from the seed file's defaults: BAJA and CRITICA from piloto, MEDIA (and ALTA,
 * which follows MEDIA) from produccion_controlada.
 */
@QuarkusTest
class AlertIT {

    @Inject
    OverdueTreatmentScan overdueScan;

    @Test
    void a_death_raises_a_critica_alert_with_its_confidence() {
        FarmApi.Finca finca = FarmApi.finca("Alerta Muerte", "piloto");
        String cow = finca.animal("AM-1", "hembra");
        finca.app().body(Map.of("date", "2025-06-01", "cause", "Picadura")).when().post(finca.path("/animals/" + cow + "/death"))
                .then().statusCode(201);
        finca.app().when().get(finca.path("/alerts")).then().statusCode(200)
                .body("tipo_alerta", contains("CRITICA")).body("[0].confianza_ia", equalTo(0.95f))
                .body("[0].animalId", equalTo(cow));
    }

    @Test
    void a_weight_drop_of_10_percent_raises_media_where_the_level_enables_it() {
        FarmApi.Finca controlled = FarmApi.finca("Alerta Peso", "produccion_controlada");
        weighTwice(controlled, 400, 360);
        controlled.app().when().get(controlled.path("/alerts")).then().body("code", contains("WEIGHT_LOSS"))
                .body("tipo_alerta", contains("MEDIA"));
        FarmApi.Finca pilot = FarmApi.finca("Alerta Peso Piloto", "piloto");
        weighTwice(pilot, 400, 360);
        pilot.app().when().get(pilot.path("/alerts")).then().body("", empty());
    }

    @Test
    void a_sale_far_from_the_finca_average_raises_baja() {
        FarmApi.Finca finca = FarmApi.finca("Alerta Precio", "piloto");
        for (int i = 1; i <= 3; i++) {
            String steer = finca.animal("AP-" + i, "macho");
            finca.app().body(Map.of("date", "2025-05-01", "priceCop", 3_000_000, "buyer", "Feria"))
                    .when().post(finca.path("/animals/" + steer + "/sale")).then().statusCode(201);
        }
        String cheap = finca.animal("AP-4", "macho");
        finca.app().body(Map.of("date", "2025-05-02", "priceCop", 500_000, "buyer", "Vecino"))
                .when().post(finca.path("/animals/" + cheap + "/sale")).then().statusCode(201);
        finca.app().when().get(finca.path("/alerts")).then().body("code", contains("SALE_PRICE_OUTLIER"))
                .body("tipo_alerta", contains("BAJA"));
    }

    @Test
    void an_overdue_treatment_raises_one_alta_alert_however_often_the_scan_runs() {
        FarmApi.Finca finca = FarmApi.finca("Alerta Tratamiento", "produccion_controlada");
        String cow = finca.animal("AT-1", "hembra");
        LocalDate applied = LocalDate.now().minusDays(60);
        finca.app().body(Map.of("product", "Ivermectina", "dose", "5 ml", "date", applied.toString(),
                        "nextDueDate", applied.plusDays(30).toString(), "withdrawalDays", 28))
                .when().post(finca.path("/animals/" + cow + "/treatments")).then().statusCode(201);
        overdueScan.scan();
        overdueScan.scan();
        finca.app().when().get(finca.path("/alerts")).then().body("code", contains("TREATMENT_OVERDUE"))
                .body("tipo_alerta", contains("ALTA"));
    }

    @Test
    void an_alert_can_be_acknowledged_and_leaves_the_open_list() {
        FarmApi.Finca finca = FarmApi.finca("Alerta Reconocer", "piloto");
        String alert = finca.deathAlert("AR-1", "Ahogada");
        finca.app().when().post(finca.path("/alerts/" + alert + "/acknowledge")).then().statusCode(200)
                .body("acknowledgedAt", notNullValue());
        finca.app().queryParam("acknowledged", false).when().get(finca.path("/alerts")).then().body("", hasSize(0));
        finca.app().queryParam("acknowledged", true).when().get(finca.path("/alerts")).then().body("id", hasItem(alert));
    }

    private static void weighTwice(FarmApi.Finca finca, int first, int second) {
        String cow = finca.animal("P-" + first + "-" + second, "hembra");
        finca.app().body(Map.of("date", "2025-03-01", "weightKg", first)).when().post(finca.path("/animals/" + cow + "/weighings"))
                .then().statusCode(201);
        finca.app().body(Map.of("date", "2025-04-01", "weightKg", second)).when().post(finca.path("/animals/" + cow + "/weighings"))
                .then().statusCode(201);
    }
}

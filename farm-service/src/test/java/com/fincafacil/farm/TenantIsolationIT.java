package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class TenantIsolationIT {

    @Test
    void finca_a_key_against_every_route_of_finca_b_is_404_and_never_shows_b_data() {
        FarmApi.Finca a = FarmApi.finca("Finca A", "produccion_abierta");
        FarmApi.Finca b = FarmApi.finca("Finca B Secreta", "produccion_abierta");
        String cow = b.animal("B-SECRET-1", "hembra");
        String alertId = "00000000-0000-0000-0000-000000000001";
        var asA = new FarmApi.Finca(b.id(), a.key());
        List<Function<FarmApi.Finca, Response>> routes = List.of(
                f -> f.app().get(f.path("")),
                f -> f.app().get(f.path("/modules")),
                f -> f.app().get(f.path("/data-quality")),
                f -> f.app().get(f.path("/analytics/kpis")),
                f -> f.app().get(f.path("/animals")),
                f -> f.app().get(f.path("/animals/" + cow)),
                f -> f.app().body(Map.of("earTag", "A-INTRUDER", "sex", "macho")).post(f.path("/animals")),
                f -> f.app().body(Map.of("date", "2025-01-01", "weightKg", 300)).post(f.path("/animals/" + cow + "/weighings")),
                f -> f.app().body(Map.of("product", "Ivermectina", "dose", "5 ml", "date", "2025-01-01"))
                        .post(f.path("/animals/" + cow + "/treatments")),
                f -> f.app().body(Map.of("date", "2025-01-01", "calf", Map.of("earTag", "A-CALF", "sex", "macho")))
                        .post(f.path("/animals/" + cow + "/births")),
                f -> f.app().body(Map.of("date", "2025-01-01", "priceCop", 1, "buyer", "x")).post(f.path("/animals/" + cow + "/sale")),
                f -> f.app().body(Map.of("date", "2025-01-01", "cause", "x")).post(f.path("/animals/" + cow + "/death")),
                f -> f.app().get(f.path("/alerts")),
                f -> f.app().post(f.path("/alerts/" + alertId + "/acknowledge")),
                f -> f.app().contentType("text/csv; charset=UTF-8").body("arete;sexo\nA-CSV-1;macho\n").post(f.path("/imports/animals")));
        for (var route : routes) {
            Response response = route.apply(asA);
            assertEquals(404, response.statusCode(), response.asString());
            assertFalse(response.asString().contains("B-SECRET-1"));
            assertFalse(response.asString().contains("Finca B Secreta"));
        }
        // and nothing was written into finca B
        b.app().get(b.path("/animals")).then().statusCode(200)
                .body("earTag", org.hamcrest.Matchers.contains("B-SECRET-1"));
        b.app().get(b.path("/animals/" + cow)).then().body("weighings", org.hamcrest.Matchers.empty())
                .body("animal.status", org.hamcrest.Matchers.equalTo("activo"));
    }
}

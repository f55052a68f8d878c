package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins the names release analysis and dashboards read from farm-service's {@code /q/metrics}:
 * requests by status with a latency histogram, sales and revenue. Renaming one breaks this test
 * before it breaks an automatic rollback.
 */
@QuarkusTest
class ReleaseSignalsIT {

    @Test
    void requests_by_status_with_latency_buckets_sales_and_revenue_are_published_under_their_pinned_names() {
        FarmApi.Finca finca = FarmApi.finca("Señales", "piloto");
        String steer = finca.animal("SG-1", "macho");
        double sales = Metrics.value("fincafacil_sales_total");
        double revenue = Metrics.value("fincafacil_revenue_cop_total");
        finca.app().body(Map.of("date", "2025-05-01", "priceCop", 2_500_000, "buyer", "Feria de Montería"))
                .when().post(finca.path("/animals/" + steer + "/sale")).then().statusCode(201);

        assertEquals(sales + 1, Metrics.value("fincafacil_sales_total"));
        assertEquals(revenue + 2_500_000, Metrics.value("fincafacil_revenue_cop_total"), 0.5);
        String page = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        String route = "uri=\"/api/v1/fincas/{fincaId}/animals/{animalId}/sale\"";
        assertTrue(page.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("status=\"201\"")
                && l.contains(route)), "requests are counted by status and route");
        assertTrue(page.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{") && l.contains("status=\"201\"")
                && l.contains(route) && l.contains("le=\"0.")), "with latency buckets to compute p50 and p99 from");
    }
}

package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route whose path names a finca, read from the service's own OpenAPI document so that a
 * new route cannot escape: finca A's key on finca B's id gets 404 on farm-app routes (and is
 * refused on operator routes), B's data never shows, and nothing of B changes. Each route needs a
 * request B's own app could make here; the same request sent with B's key must then get past the
 * finca guard, which proves the 404 came from the guard and not from a bad request.
 */
@QuarkusTest
class TenantIsolationIT {

    private static final String FARM_APP_ROUTES = "/api/v1/fincas/";

    /** A request B's app could make on a route, keyed "METHOD path" as the OpenAPI document spells it. */
    private static final Map<String, UnaryOperator<RequestSpecification>> REQUESTS = Map.ofEntries(
            Map.entry("GET /api/v1/fincas/{fincaId}", r -> r),
            Map.entry("GET /api/v1/fincas/{fincaId}/modules", r -> r),
            Map.entry("GET /api/v1/fincas/{fincaId}/data-quality", r -> r),
            Map.entry("GET /api/v1/fincas/{fincaId}/analytics/kpis", r -> r),
            Map.entry("GET /api/v1/fincas/{fincaId}/animals", r -> r),
            Map.entry("GET /api/v1/fincas/{fincaId}/animals/{animalId}", r -> r),
            Map.entry("POST /api/v1/fincas/{fincaId}/animals", r -> r.body(Map.of("earTag", "A-INTRUDER", "sex", "macho"))),
            Map.entry("POST /api/v1/fincas/{fincaId}/animals/{animalId}/weighings",
                    r -> r.body(Map.of("date", "2025-01-01", "weightKg", 300))),
            Map.entry("POST /api/v1/fincas/{fincaId}/animals/{animalId}/treatments",
                    r -> r.body(Map.of("product", "Ivermectina", "dose", "5 ml", "date", "2025-01-01"))),
            Map.entry("POST /api/v1/fincas/{fincaId}/animals/{animalId}/births",
                    r -> r.body(Map.of("date", "2025-01-01", "calf", Map.of("earTag", "A-CALF", "sex", "macho")))),
            Map.entry("POST /api/v1/fincas/{fincaId}/animals/{animalId}/sale",
                    r -> r.body(Map.of("date", "2025-01-01", "priceCop", 1, "buyer", "x"))),
            Map.entry("POST /api/v1/fincas/{fincaId}/animals/{animalId}/death", r -> r.body(Map.of("date", "2025-01-01", "cause", "x"))),
            Map.entry("GET /api/v1/fincas/{fincaId}/alerts", r -> r),
            Map.entry("POST /api/v1/fincas/{fincaId}/sync", r -> r.body(Map.of("operations", List.of(Map.of(
                    "id", java.util.UUID.randomUUID().toString(), "recordedAt", "2025-01-01T12:00:00Z", "type", "registration",
                    "body", Map.of("earTag", "A-SYNC", "sex", "macho")))))),
            Map.entry("GET /api/v1/fincas/{fincaId}/changes", r -> r),
            Map.entry("POST /api/v1/fincas/{fincaId}/alerts/{alertId}/acknowledge", r -> r),
            Map.entry("POST /api/v1/fincas/{fincaId}/imports/animals",
                    r -> r.contentType("text/csv; charset=UTF-8").body("arete;sexo\nA-CSV-1;macho\n")),
            Map.entry("GET /api/v1/admin/fincas/{fincaId}", r -> r),
            Map.entry("PATCH /api/v1/admin/fincas/{fincaId}", r -> r.body(Map.of("name", "Robada", "department", "Meta",
                    "municipality", "Acacías", "deploymentLevel", "piloto"))),
            Map.entry("GET /api/v1/admin/fincas/{fincaId}/api-keys", r -> r),
            Map.entry("POST /api/v1/admin/fincas/{fincaId}/api-keys", r -> r.body(Map.of("label", "robada"))),
            Map.entry("DELETE /api/v1/admin/fincas/{fincaId}/api-keys/{keyId}", r -> r));

    record Route(String method, String path) {
        String key() {
            return method + " " + path;
        }

        boolean forFarmApps() {
            return path.startsWith(FARM_APP_ROUTES);
        }
    }

    @Test
    void another_fincas_key_on_every_route_naming_a_finca_is_404_and_changes_nothing() {
        List<Route> routes = routesNamingAFinca();
        assertTrue(routes.size() >= REQUESTS.size(), "the OpenAPI document lists the routes: " + routes);
        FarmApi.Finca a = FarmApi.finca("Finca A", "piloto");
        FarmApi.Finca b = FarmApi.finca("Finca B Secreta", "piloto");
        List<String> unlisted = routes.stream().map(Route::key).filter(k -> !REQUESTS.containsKey(k)).toList();
        assertEquals(List.of(), unlisted, "each route naming a finca needs a request in REQUESTS");

        List<Map<String, String>> ids = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            ids.add(idsOf(b, "B-SECRET-" + i));
        }
        String before = everythingOf(b);
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            Response answer = send(route, given().header("X-API-Key", a.key()), ids.get(i));
            if (route.forFarmApps()) {
                assertEquals(404, answer.statusCode(), route + ": " + answer.asString());
                assertEquals("finca_not_found", answer.path("code"), route.key());
            } else {
                assertTrue(Set.of(403, 404).contains(answer.statusCode()), route + ": " + answer.asString());
            }
            assertFalse(answer.asString().contains("B-SECRET"), route.key());
            assertFalse(answer.asString().contains("Finca B Secreta"), route.key());
        }
        assertEquals(before, everythingOf(b), "finca B is unchanged");

        // the same requests with the rightful credential get past the guard: the 404s above were the guard's
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            RequestSpecification rightful = route.forFarmApps() ? given().header("X-API-Key", b.key()) : FarmApi.operator();
            Response answer = send(route, rightful, ids.get(i));
            assertTrue(answer.statusCode() < 300 || "module_disabled".equals(answer.path("code")),
                    route + " with B's own credential: " + answer.statusCode() + " " + answer.asString());
        }
    }

    /** Every operation of the OpenAPI document whose path has a {fincaId}. */
    private static List<Route> routesNamingAFinca() {
        Map<String, Map<String, Object>> paths = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<Route> routes = new ArrayList<>();
        for (var path : new TreeSet<>(paths.keySet())) {
            if (!path.contains("{fincaId}")) {
                continue;
            }
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (paths.get(path).containsKey(method)) {
                    routes.add(new Route(method.toUpperCase(java.util.Locale.ROOT), path));
                }
            }
        }
        return routes;
    }

    /** Fresh ids of B's for one route's other path parameters, so no request depends on another. */
    private static Map<String, String> idsOf(FarmApi.Finca b, String earTag) {
        String cow = b.animal(earTag, "hembra");
        String doomed = b.animal(earTag + "-M", "hembra");
        b.app().body(Map.of("date", "2025-06-01", "cause", "Picadura")).when().post(b.path("/animals/" + doomed + "/death"))
                .then().statusCode(201);
        String alert = b.app().queryParam("acknowledged", false).when().get(b.path("/alerts")).then().statusCode(200)
                .extract().path("find { it.animalId == '" + doomed + "' }.id");
        String key = FarmApi.operator().body(Map.of("label", "spare")).when().post("/api/v1/admin/fincas/" + b.id() + "/api-keys")
                .then().statusCode(201).extract().path("id");
        return Map.of("fincaId", b.id(), "animalId", cow, "alertId", alert, "keyId", key);
    }

    private static Response send(Route route, RequestSpecification request, Map<String, String> ids) {
        RequestSpecification ready = REQUESTS.get(route.key()).apply(request.contentType("application/json"));
        String path = route.path();
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return ready.when().request(route.method(), path);
    }

    /** What finca B holds, as its own app and an operator read it. */
    private static String everythingOf(FarmApi.Finca b) {
        StringBuilder all = new StringBuilder(FarmApi.operator().get("/api/v1/admin/fincas/" + b.id()).asString())
                .append(FarmApi.operator().get("/api/v1/admin/fincas/" + b.id() + "/api-keys").asString())
                .append(b.app().queryParam("size", 200).get(b.path("/alerts")).asString());
        List<String> animals = b.app().queryParam("size", 200).get(b.path("/animals")).then().statusCode(200).extract().path("id");
        for (String animal : animals) {
            all.append(b.app().get(b.path("/animals/" + animal)).asString());
        }
        return all.toString();
    }
}

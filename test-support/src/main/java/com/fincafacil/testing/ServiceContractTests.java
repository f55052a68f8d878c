package com.fincafacil.testing;

import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every FincaFácil service promises the platform, run against the real service, database and
 * broker. A service's {@code @QuarkusTest} subclass names one JSON endpoint and its first migration.
 */
public abstract class ServiceContractTests {

    @Inject
    DataSource dataSource;

    /** A POST endpoint that takes a JSON body. */
    protected abstract String jsonEndpoint();

    /** Extra request setup for {@link #jsonEndpoint()}, such as an Authorization header. */
    protected io.restassured.specification.RequestSpecification authorized() {
        return given().header("Authorization", TestTokens.bearer("admin"));
    }

    /** The description of the service's first Flyway migration. */
    protected abstract String firstMigration();

    @Test
    void readiness_is_up_with_database_and_kafka_up() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka broker"))
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void liveness_names_the_running_build_and_version() {
        given().when().get("/q/health/live").then()
                .statusCode(200)
                .body("checks.find { it.name == 'build' }.data.version", notNullValue())
                .header("X-FincaFacil-Version", notNullValue());
    }

    @Test
    void readiness_goes_down_without_the_broker_and_up_when_it_returns() throws Exception {
        TestPlatform.shared().kafka().stop();
        try {
            awaitReadiness(503, Duration.ofSeconds(30));
            given().when().get("/q/health/ready").then()
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Kafka broker' }.data.error", containsString("broker unreachable"));
        } finally {
            TestPlatform.shared().kafka().restart();
        }
        awaitReadiness(200, Duration.ofSeconds(60));
    }

    @Test
    void unknown_route_gets_problem_json_404() {
        given().when().get("/no/such/route").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", notNullValue())
                .body(not(containsString("Exception")));
    }

    @Test
    void malformed_json_gets_problem_json_400() {
        authorized().contentType(ContentType.JSON).body("{\"version\": ").when().post(jsonEndpoint()).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }

    @Test
    void openapi_and_metrics_are_served() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", notNullValue());
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /**
     * What a client generator needs from the document: every operation says how it succeeds, no
     * answer has an empty schema (a generated client would get an untyped Object), and every
     * operator route names its roles (OpenAPI 3.0 keeps bearer scopes empty, so in x-roles).
     */
    @Test
    @SuppressWarnings("unchecked")
    void the_openapi_document_gives_every_answer_a_schema_and_every_operator_route_its_roles() {
        Map<String, Map<String, Object>> paths = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> gaps = new ArrayList<>();
        int operatorRoutes = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!(op.getValue() instanceof Map<?, ?> operation) || op.getKey().equals("parameters")) {
                    continue;
                }
                String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                if (responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
                    gaps.add(name + " has no 2xx");
                }
                responses.forEach((status, response) -> {
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                    if (content != null) {
                        content.forEach((media, body) -> {
                            if (!(body.get("schema") instanceof Map<?, ?> schema) || schema.isEmpty()) {
                                gaps.add(name + " " + status + " " + media + " has no schema");
                            }
                        });
                    }
                });
                List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
                boolean operator = security != null && security.stream().anyMatch(r -> r.containsKey("operatorJwt"));
                if (operator) {
                    operatorRoutes++;
                    if (!(operation.get("x-roles") instanceof List<?> roles) || roles.isEmpty()) {
                        gaps.add(name + " names no operator role");
                    }
                }
            }
        }
        assertEquals(List.of(), gaps);
        assertTrue(operatorRoutes > 0, "the service has operator routes and the document says so");
    }

    @Test
    void flyway_history_shows_the_first_migration() throws Exception {
        List<String> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, description, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                assertTrue(rs.getBoolean("success"), "migration " + rs.getString("version") + " failed");
                applied.add(rs.getString("version") + " " + rs.getString("description"));
            }
        }
        assertEquals("1 " + firstMigration(), applied.get(0));
    }

    @Test
    void the_database_acknowledges_a_commit_only_once_it_is_on_disk() throws Exception {
        // an acknowledged write must survive a database crash: the embedded server's default is off
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            assertEquals("on", rs.getString(1));
        }
    }

    private static void awaitReadiness(int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = given().when().get("/q/health/ready").statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness stayed " + last + ", expected " + status + " within " + timeout);
    }
}

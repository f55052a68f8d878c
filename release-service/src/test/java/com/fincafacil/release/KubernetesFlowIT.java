package com.fincafacil.release;

import com.fincafacil.release.client.KubernetesResource;
import com.fincafacil.testing.TestTokens;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same release flow as {@link com.fincafacil.release.system.ReleaseFlowIT}, on the Kubernetes adapter: Deployments, Service
 * selectors and migration Jobs on fabric8's mock API server, the farm database real.
 */
@QuarkusTest
@TestProfile(KubernetesFlowProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesFlowIT {

    private static void post(String id, String verb, String body, int status) {
        given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/releases/" + id + "/" + verb).then().statusCode(status);
    }

    private static String startHotfix(String version, String image) {
        String id = given().header("Authorization", TestTokens.bearer("operator")).contentType(ContentType.JSON)
                .body("{\"version\":\"" + version + "\",\"kind\":\"hotfix\",\"artifact\":\"" + image + "\"}")
                .when().post("/api/v1/releases").then().statusCode(201).extract().path("id");
        post(id, "acks", "{\"item\":\"team_available\"}", 200);
        post(id, "acks", "{\"item\":\"users_told\"}", 200);
        post(id, "start", "{\"reason\":\"on the cluster\"}", 202);
        return id;
    }

    private static String selected(String service) {
        return KubernetesResource.client().services().inNamespace(KubernetesResource.NAMESPACE).withName(service).get()
                .getSpec().getSelector().get("slot");
    }

    private static Deployment slot(String slot) {
        return KubernetesResource.client().apps().deployments().inNamespace(KubernetesResource.NAMESPACE)
                .withName("farm-service-" + slot).get();
    }

    @Test
    @Order(1)
    void a_release_runs_to_completed_on_the_cluster_and_the_old_deployment_scales_to_zero() throws Exception {
        String id = startHotfix("1.0.1", "registry.example/farm-service:1.0.1");
        JsonPath monitoring = await(id, r -> List.of("MONITORING", "FAILED").contains(r.getString("state")), Duration.ofMinutes(2));
        assertEquals("MONITORING", monitoring.getString("state"), monitoring.prettify());
        assertEquals("green", selected("farm-service"), "the Service selects the new slot");
        assertEquals("blue", selected("farm-service-preview"), "and the preview the old one");
        assertEquals("registry.example/farm-service:1.0.1", slot("green").getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        List<String> jobs = KubernetesResource.client().batch().v1().jobs().inNamespace(KubernetesResource.NAMESPACE).list().getItems()
                .stream().map(j -> j.getMetadata().getName()).toList();
        assertEquals(3, jobs.size(), "two scratch migrations to classify and the farm migration: " + jobs);
        assertEquals("NONE", monitoring.getString("migrationKind"), "the same scripts on both sides change nothing");
        assertEquals("5", monitoring.getString("targetSchemaVersion"));
        post(id, "promote", "{}", 200);
        JsonPath done = await(id, r -> r.getList("timeline.reason").contains("previous slot stopped after the rollback window"),
                Duration.ofSeconds(60));
        assertEquals("COMPLETED", done.getString("state"), done.prettify());
        assertEquals(0, slot("blue").getSpec().getReplicas(), "the previous slot scaled to zero after the rollback window");
        assertTrue(done.getList("gates.status").stream().allMatch(s -> s.equals("PASSED") || s.equals("NOT_RUN")), done.prettify());
    }

    @Test
    @Order(2)
    void a_rollback_on_the_cluster_selects_the_previous_slot_again() throws Exception {
        String id = startHotfix("1.0.2", "registry.example/farm-service:1.0.2");
        JsonPath monitoring = await(id, r -> List.of("MONITORING", "FAILED").contains(r.getString("state")), Duration.ofMinutes(2));
        assertEquals("MONITORING", monitoring.getString("state"), monitoring.prettify());
        assertEquals("blue", selected("farm-service"));
        post(id, "rollback", "{}", 202);
        JsonPath rolledBack = await(id, r -> List.of("ROLLED_BACK", "FAILED").contains(r.getString("state")), Duration.ofSeconds(30));
        assertEquals("ROLLED_BACK", rolledBack.getString("state"), rolledBack.prettify());
        assertEquals("green", selected("farm-service"), "traffic is back on 1.0.1");
        assertEquals("blue", selected("farm-service-preview"));
    }

    private static JsonPath await(String id, Predicate<JsonPath> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonPath r = release(id);
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(300);
            r = release(id);
        }
        return r;
    }

    private static JsonPath release(String id) {
        return given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases/" + id)
                .then().statusCode(200).extract().jsonPath();
    }
}

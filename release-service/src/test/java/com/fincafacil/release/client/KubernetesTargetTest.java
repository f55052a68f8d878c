package com.fincafacil.release.client;

import com.fincafacil.release.domain.deployment.MigrationRun;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.release.domain.deployment.TargetRefusal;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes target against fabric8's mock API server in CRUD mode, loaded with the piloto
 * overlay as {@code kubectl kustomize} renders it. {@link FakeController} plays the parts of the
 * cluster the mock lacks: rolling Deployments out and finishing Jobs.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesTargetTest {

    static KubernetesClient client;
    static KubernetesMockServer server;

    private static final String NS = "fincafacil-piloto";
    private static final String FARM_URL = "jdbc:postgresql://postgres:5432/farm";
    private FakeController controller;
    private KubernetesTarget target;

    @BeforeEach
    void loadTheManifests() throws Exception {
        // each test starts from the manifests as applied: blue active and ready, green at 0 replicas
        client.apps().deployments().inNamespace(NS).delete();
        client.services().inNamespace(NS).delete();
        client.batch().v1().jobs().inNamespace(NS).delete();
        client.pods().inNamespace(NS).delete();
        for (HasMetadata object : client.load(new ByteArrayInputStream(Manifests.piloto().getBytes(StandardCharsets.UTF_8))).items()) {
            if (object instanceof Deployment || object instanceof io.fabric8.kubernetes.api.model.Service) {
                client.resource(object).inNamespace(NS).create();
            }
        }
        controller = FakeController.start(client, NS);
        target = new KubernetesTarget(client, NS, template(), Duration.ofSeconds(5), Duration.ofMillis(50), FARM_URL);
        drainRequests();
    }

    @AfterEach
    void stopController() {
        controller.close();
    }

    private static InputStream template() {
        return KubernetesTargetTest.class.getClassLoader().getResourceAsStream(DeploymentTargets.MIGRATION_JOB_TEMPLATE);
    }

    @Test
    void blue_starts_active_and_green_stopped() {
        List<SlotStatus> slots = target.slots();
        assertEquals("blue", target.activeSlot().orElseThrow());
        assertTrue(slots.get(0).active() && slots.get(0).ready(), slots.toString());
        assertEquals("stopped", slots.get(1).state());
    }

    @Test
    void deploy_sets_image_version_and_replicas_on_the_idle_slot_and_waits_until_it_is_ready() {
        SlotStatus green = target.deploy("green", "1.1.0", "registry.example/farm-service:1.1.0");
        assertTrue(green.ready());
        assertEquals("1.1.0", green.version());
        Deployment d = client.apps().deployments().inNamespace(NS).withName("farm-service-green").get();
        assertEquals("registry.example/farm-service:1.1.0", d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        assertEquals(1, d.getSpec().getReplicas());
        assertTrue(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .anyMatch(e -> e.getName().equals("FINCAFACIL_VERSION") && e.getValue().equals("1.1.0")));
        assertEquals("1.1.0", d.getSpec().getTemplate().getMetadata().getAnnotations().get(KubernetesTarget.VERSION_ANNOTATION));
    }

    @Test
    void the_active_slot_cannot_be_deployed_to_or_stopped_and_nothing_changes() {
        String before = client.apps().deployments().inNamespace(NS).withName("farm-service-blue").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        assertEquals(TargetRefusal.Kind.CONFLICT, assertThrows(TargetRefusal.class,
                () -> target.deploy("blue", "1.1.0", "registry.example/farm-service:1.1.0")).kind());
        assertEquals(TargetRefusal.Kind.CONFLICT, assertThrows(TargetRefusal.class, () -> target.stop("blue")).kind());
        Deployment blue = client.apps().deployments().inNamespace(NS).withName("farm-service-blue").get();
        assertEquals(before, blue.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        assertEquals(1, blue.getSpec().getReplicas());
        assertEquals(TargetRefusal.Kind.NOT_FOUND, assertThrows(TargetRefusal.class, () -> target.stop("purple")).kind());
    }

    @Test
    void switching_moves_both_selectors_and_refuses_a_slot_that_is_not_ready() {
        assertEquals(TargetRefusal.Kind.CONFLICT, assertThrows(TargetRefusal.class, () -> target.switchTo("green")).kind());
        assertEquals("blue", selector("farm-service"));

        target.deploy("green", "1.1.0", "registry.example/farm-service:1.1.0");
        target.switchTo("green");
        assertEquals("green", selector("farm-service"));
        assertEquals("blue", selector("farm-service-preview"));
        assertEquals("green", target.activeSlot().orElseThrow());

        SlotStatus blue = target.stop("blue");
        assertEquals("stopped", blue.state());
        assertEquals(0, client.apps().deployments().inNamespace(NS).withName("farm-service-blue").get().getSpec().getReplicas());
    }

    @Test
    void a_migration_runs_as_a_job_from_the_template_with_the_new_image() {
        MigrationRun run = target.migrate("1.1.0", "registry.example/farm-service:1.1.0");
        assertTrue(run.succeeded());
        var jobs = client.batch().v1().jobs().inNamespace(NS).list().getItems();
        assertEquals(1, jobs.size());
        var container = jobs.get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("registry.example/farm-service:1.1.0", container.getImage());
        assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_INIT_AND_EXIT") && e.getValue().equals("true")));
        assertTrue(jobs.get(0).getMetadata().getName().startsWith("farm-migrate-1-1-0-"), jobs.get(0).getMetadata().getName());
        assertTrue(container.getEnv().stream().noneMatch(e -> e.getName().equals("FINCAFACIL_DB_URL")),
                "the farm database comes from the ConfigMap");
    }

    @Test
    void a_scratch_migration_points_the_job_at_the_scratch_database_on_the_farm_server() {
        target.migrate("1.1.0", "registry.example/farm-service:1.1.0", "scratch_r1_target");
        var job = client.batch().v1().jobs().inNamespace(NS).list().getItems().get(0);
        var env = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertEquals("jdbc:postgresql://postgres:5432/scratch_r1_target", env.stream()
                .filter(e -> e.getName().equals("FINCAFACIL_DB_URL")).findFirst().orElseThrow().getValue());
        assertTrue(job.getMetadata().getName().startsWith("farm-migrate-1-1-0-scratch-r1-target-"), job.getMetadata().getName());
    }

    @Test
    void a_failed_migration_job_is_reported_as_failed() {
        controller.failJobs();
        TargetRefusal refusal = assertThrows(TargetRefusal.class, () -> target.migrate("1.1.0", "registry.example/farm-service:1.1.0"));
        assertEquals(TargetRefusal.Kind.FAILED, refusal.kind());
    }

    @Test
    void a_slot_whose_pod_crash_loops_fails_at_once_and_one_that_never_gets_ready_times_out() {
        controller.pause();
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("farm-service-green-x")
                .addToLabels("app", "farm-service").addToLabels("slot", "green").endMetadata()
                .withNewStatus().addNewContainerStatus().withName("farm-service").withNewState().withNewWaiting()
                .withReason("CrashLoopBackOff").endWaiting().endState().endContainerStatus().endStatus().build()).create();
        assertEquals(TargetRefusal.Kind.FAILED, assertThrows(TargetRefusal.class,
                () -> target.deploy("green", "1.1.0", "registry.example/farm-service:1.1.0")).kind());

        client.pods().inNamespace(NS).withName("farm-service-green-x").delete();
        KubernetesTarget impatient = new KubernetesTarget(client, NS, template(), Duration.ofMillis(400), Duration.ofMillis(50), FARM_URL);
        assertEquals(TargetRefusal.Kind.TIMED_OUT, assertThrows(TargetRefusal.class,
                () -> impatient.deploy("green", "1.1.1", "registry.example/farm-service:1.1.1")).kind());
    }

    @Test
    void it_uses_only_what_release_services_role_grants() throws Exception {
        target.slots();
        target.deploy("green", "1.1.0", "registry.example/farm-service:1.1.0");
        target.switchTo("green");
        target.stop("blue");
        target.migrate("1.1.0", "registry.example/farm-service:1.1.0");
        controller.pause();
        Set<String> used = new TreeSet<>();
        for (RecordedRequest request = server.takeRequest(100, TimeUnit.MILLISECONDS); request != null;
             request = server.takeRequest(100, TimeUnit.MILLISECONDS)) {
            if (!String.valueOf(request.getHeader("User-Agent")).contains(FakeController.USER_AGENT)) {
                used.add(RoleRules.verbAndResource(request.getMethod(), request.getPath()));
            }
        }
        Set<String> granted = RoleRules.granted();
        assertTrue(granted.containsAll(used), "used " + used + " but the Role grants only " + granted);
        assertTrue(used.contains("patch services") && used.contains("patch deployments") && used.contains("create jobs"), used.toString());
    }

    private String selector(String service) {
        return client.services().inNamespace(NS).withName(service).get().getSpec().getSelector().get("slot");
    }

    private void drainRequests() throws InterruptedException {
        while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
            // requests of the setup are not the adapter's
        }
    }
}

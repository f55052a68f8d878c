package com.fincafacil.release.client;

import com.fincafacil.platform.EmbeddedPostgresServer;
import com.fincafacil.testing.TestPlatform;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.flywaydb.core.Flyway;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes cluster for the release flow, as far as one can be had without a cluster: fabric8's
 * mock API server in CRUD mode loaded with the rendered {@code piloto} overlay; {@link FakeController}
 * rolling Deployments out and running each migration Job as farm-service's image would (Flyway with
 * farm-service's scripts on the database its {@code FINCAFACIL_DB_URL} names, else the farm
 * database); and one HTTP "pod" standing behind {@code farm-service-preview}, answering health with
 * the version of the Deployment that Service selects. The farm database is real PostgreSQL.
 */
public class KubernetesResource implements QuarkusTestResourceLifecycleManager {

    public static final String NAMESPACE = "fincafacil-piloto";
    static volatile KubernetesClient client;
    private KubernetesMockServer server;
    private FakeController controller;
    private HttpServer preview;

    /** The mock cluster, for the test to look at. */
    public static KubernetesClient client() {
        return client;
    }

    @Override
    public Map<String, String> start() {
        try {
            EmbeddedPostgresServer postgres = TestPlatform.shared().postgres();
            postgres.ensureDatabase("farm_k8s");
            String farmUrl = postgres.jdbcUrl("farm_k8s");
            migrate(farmUrl);
            server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
            server.init();
            client = server.createClient();
            for (HasMetadata object : client.load(new ByteArrayInputStream(Manifests.piloto().getBytes(StandardCharsets.UTF_8))).items()) {
                if (object instanceof Deployment || object instanceof Service) {
                    client.resource(object).inNamespace(NAMESPACE).create();
                }
            }
            controller = FakeController.start(client, NAMESPACE, job -> {
                String url = Optional.ofNullable(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).orElse(java.util.List.of())
                        .stream().filter(e -> "FINCAFACIL_DB_URL".equals(e.getName())).map(e -> e.getValue()).findFirst().orElse(farmUrl);
                try {
                    migrate(url);
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            });
            preview = previewPod();
            Path changelog = Files.createTempFile("k8s-changelog-", ".md");
            Files.writeString(changelog, "# Changelog\n## [1.0.2]\n- Second\n## [1.0.1]\n- First on Kubernetes\n");
            Map<String, String> config = new HashMap<>();
            config.put("fincafacil.release.target.kind", "kubernetes");
            config.put("fincafacil.release.target.namespace", NAMESPACE);
            config.put("fincafacil.release.target.preview-url", "http://127.0.0.1:" + preview.getAddress().getPort());
            config.put("quarkus.kubernetes-client.api-server-url", client.getConfiguration().getMasterUrl());
            config.put("quarkus.kubernetes-client.trust-certs", "true");
            config.put("quarkus.kubernetes-client.namespace", NAMESPACE);
            config.put("fincafacil.release.farm-database.url", farmUrl);
            config.put("fincafacil.release.backup-directory", Files.createTempDirectory("k8s-backups-").toString());
            config.put("fincafacil.release.changelog-file", changelog.toString());
            config.put("fincafacil.release.monitoring-window", "PT2M");
            config.put("fincafacil.release.rollback-window", "PT2S");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the mock cluster", e);
        }
    }

    private static void migrate(String url) {
        Flyway.configure().dataSource(url, EmbeddedPostgresServer.USER, "postgres")
                .locations("filesystem:" + farmMigrations()).load().migrate();
    }

    private static Path farmMigrations() {
        Path dir = Manifests.root();
        return dir.resolve("farm-service/src/main/resources/db/migration");
    }

    /** The idle slot's pod as seen through farm-service-preview: ready, with the version its Deployment runs. */
    private HttpServer previewPod() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            String slot = client.services().inNamespace(NAMESPACE).withName("farm-service-preview").get().getSpec().getSelector().get("slot");
            Deployment d = client.apps().deployments().inNamespace(NAMESPACE).withName("farm-service-" + slot).get();
            boolean ready = KubernetesTarget.isReady(d);
            String version = d.getMetadata().getAnnotations().get(KubernetesTarget.VERSION_ANNOTATION);
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            String body;
            if (path.equals("/q/health/ready")) {
                status = ready ? 200 : 503;
                body = "{\"status\":\"" + (ready ? "UP" : "DOWN") + "\"}";
            } else if (path.equals("/q/health/live")) {
                body = "{\"status\":\"UP\",\"checks\":[{\"name\":\"farm-service\",\"status\":\"UP\",\"data\":{\"version\":\"" + version + "\"}}]}";
            } else {
                status = 404;
                body = "{}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        http.start();
        return http;
    }

    @Override
    public void stop() {
        if (preview != null) {
            preview.stop(0);
        }
        if (controller != null) {
            controller.close();
        }
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
        }
    }
}

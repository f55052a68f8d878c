package com.fincafacil.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The kustomize overlays, rendered with kubectl, checked against the services' real configuration
 * (their application.properties, service-commons' defaults, their poms) rather than against
 * numbers repeated here.
 */
class KustomizeManifestsTest {

    private static final Repo REPO = Repo.locate();
    private static final Path K8S = REPO.path("deploy/k8s");
    private static final Path JOB_TEMPLATE = K8S.resolve("templates/farm-migrate-job.yaml");
    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();

    private static final Set<String> SLOTS = Set.of("blue", "green");
    /** Quarkus' own settings the pods need; no FincaFácil property stands for them. */
    private static final Set<String> QUARKUS_STANDARD = Set.of(
            "QUARKUS_HTTP_HOST",      // service-commons binds to 127.0.0.1; a pod listens on all interfaces
            "QUARKUS_INIT_AND_EXIT"); // the migration Job: run init tasks (Flyway), then exit
    private static final String DB_SECRET = "fincafacil-db";
    private static final String JWT_SECRET = "fincafacil-jwt";
    private static final String CONFIG_FILES = "fincafacil-config-files";

    /** What release-service may do, as group/resource:verb, and nothing more. */
    private static final Set<String> RELEASE_SERVICE_MAY = Set.of(
            "/services:get", "/services:patch",
            "apps/deployments:get", "apps/deployments:list", "apps/deployments:watch", "apps/deployments:patch",
            "apps/deployments/scale:get", "apps/deployments/scale:patch",
            "batch/jobs:create", "batch/jobs:get",
            "/pods:get", "/pods:list",
            "/pods/log:get");

    /** host:port in a JDBC URL, an http URL or a bootstrap list; hosts without dots are in-namespace names. */
    private static final Pattern IN_NAMESPACE_HOST = Pattern.compile("(?:^|//|,)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?):(\\d+)");

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(K8S.resolve("overlays").resolve(overlay), Kustomize::render);
    }

    private static Manifests base() {
        return RENDERED.computeIfAbsent(K8S.resolve("base"), Kustomize::render);
    }

    /** A pod the platform runs and the service whose configuration it must match. */
    private record Pod(String name, ServiceModule service, PodTemplateSpec template) {
        Container container() {
            return Manifests.onlyContainer(template);
        }
    }

    /** Every Deployment's pod, and the migration Job's, which runs farm-service. */
    private static List<Pod> pods(Manifests manifests) {
        List<Pod> pods = new ArrayList<>();
        for (Deployment d : manifests.deployments()) {
            pods.add(new Pod(d.getMetadata().getName(), REPO.service(Manifests.app(d)), d.getSpec().getTemplate()));
        }
        pods.add(new Pod(JOB_TEMPLATE.getFileName().toString(), REPO.service("farm-service"), migrationJob().getSpec().getTemplate()));
        return pods;
    }

    private static Job migrationJob() {
        List<HasMetadata> items = Kustomize.loadFile(JOB_TEMPLATE).all();
        assertEquals(1, items.size(), JOB_TEMPLATE + " holds one object");
        return (Job) items.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void every_service_module_runs_in_a_deployment_and_every_deployment_runs_one(String overlay) {
        Manifests m = rendered(overlay);

        assertEquals(new TreeSet<>(REPO.serviceNames()),
                m.deployments().stream().map(Manifests::app).collect(Collectors.toCollection(TreeSet::new)));
        for (Deployment d : m.deployments()) {
            String image = Manifests.onlyContainer(d.getSpec().getTemplate()).getImage();
            assertTrue(image.matches(".*/" + Manifests.app(d) + ":[^/:]+"), d.getMetadata().getName() + " runs " + image);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void every_container_listens_on_the_http_port_its_service_is_configured_with(String overlay) {
        Manifests m = rendered(overlay);

        for (Deployment d : m.deployments()) {
            ServiceModule service = REPO.service(Manifests.app(d));
            Container c = Manifests.onlyContainer(d.getSpec().getTemplate());
            int port = service.httpPort();

            assertEquals(port, httpPort(c).getContainerPort(), d.getMetadata().getName());
            Map<String, String> env = m.env(c);
            assertEquals(String.valueOf(port), env.get("HTTP_PORT"), d.getMetadata().getName());
            assertEquals("0.0.0.0", env.get("QUARKUS_HTTP_HOST"), d.getMetadata().getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void every_deployment_probes_the_health_paths_its_service_serves(String overlay) {
        for (Deployment d : rendered(overlay).deployments()) {
            ServiceModule service = REPO.service(Manifests.app(d));
            Container c = Manifests.onlyContainer(d.getSpec().getTemplate());
            assertTrue(service.dependsOn("io.quarkus", "quarkus-smallrye-health"),
                    service + " (or a module it runs with) must depend on quarkus-smallrye-health");

            assertProbes(service, c, c.getLivenessProbe(), service.healthPath("liveness"));
            assertProbes(service, c, c.getReadinessProbe(), service.healthPath("readiness"));
            if (c.getStartupProbe() != null) {
                assertProbes(service, c, c.getStartupProbe(), service.healthPath("startup"));
            }
        }
    }

    private static void assertProbes(ServiceModule service, Container c, Probe probe, String path) {
        assertNotNull(probe, c.getName() + " has no probe for " + path);
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, c.getName() + " probes " + path + " over HTTP");
        assertEquals(path, get.getPath(), c.getName());
        assertTargetsHttpPort(c, get.getPort(), service.httpPort());
    }

    private static void assertTargetsHttpPort(Container c, IntOrString port, int httpPort) {
        if (port.getStrVal() != null) {
            assertEquals("http", port.getStrVal(), c.getName());
        } else {
            assertEquals(httpPort, port.getIntVal(), c.getName());
        }
    }

    private static ContainerPort httpPort(Container c) {
        return c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseGet(() -> fail(c.getName() + " has no port named http"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void every_service_routes_to_the_http_port_of_the_pods_of_one_app(String overlay) {
        Manifests m = rendered(overlay);
        Set<String> selected = new TreeSet<>();

        for (Service s : m.all(Service.class)) {
            if ("ExternalName".equals(s.getSpec().getType())) {
                continue;
            }
            String name = s.getMetadata().getName();
            List<Deployment> targets = m.selectedBy(s);
            assertFalse(targets.isEmpty(), name + " selects no Deployment's pods");
            assertEquals(1, targets.stream().map(Manifests::app).distinct().count(), name + " mixes services");
            s.getSpec().getPorts().forEach(p -> assertEquals("http", p.getTargetPort().getStrVal(), name));
            targets.forEach(d -> {
                httpPort(Manifests.onlyContainer(d.getSpec().getTemplate()));
                selected.add(d.getMetadata().getName());
            });
        }
        assertEquals(m.deployments().stream().map(d -> d.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new)),
                selected, "every Deployment is reachable through a Service");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void farm_service_routes_to_one_slot_and_farm_service_preview_to_the_other_which_starts_empty(String overlay) {
        Manifests m = rendered(overlay);

        Deployment active = onlySelected(m, "farm-service");
        Deployment idle = onlySelected(m, "farm-service-preview");

        String activeSlot = slot(active);
        String idleSlot = slot(idle);
        assertNotEquals(activeSlot, idleSlot, "farm-service and farm-service-preview select the same slot");
        assertEquals(SLOTS, Set.of(activeSlot, idleSlot));
        assertEquals(activeSlot, m.named(Service.class, "farm-service").getSpec().getSelector().get("slot"));
        assertTrue(active.getSpec().getReplicas() >= 1, "the active slot serves");
        assertEquals(0, idle.getSpec().getReplicas(), "the idle slot runs nothing until a release deploys to it");
    }

    private static Deployment onlySelected(Manifests m, String serviceName) {
        List<Deployment> selected = m.selectedBy(m.named(Service.class, serviceName));
        assertEquals(1, selected.size(), serviceName + " selects exactly one slot");
        assertEquals("farm-service", Manifests.app(selected.get(0)));
        return selected.get(0);
    }

    private static String slot(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels().get("slot");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void farm_slots_know_their_slot_and_never_migrate_at_start(String overlay) {
        Manifests m = rendered(overlay);

        for (String slot : SLOTS) {
            Deployment d = m.named(Deployment.class, "farm-service-" + slot);
            assertEquals(Map.of("app", "farm-service", "slot", slot), d.getSpec().getSelector().getMatchLabels());
            Map<String, String> env = m.env(Manifests.onlyContainer(d.getSpec().getTemplate()));
            assertEquals(slot, env.get("FINCAFACIL_SLOT"));
            assertEquals("false", env.get("FINCAFACIL_MIGRATE_AT_START"), "release-service migrates, never a slot");
        }
    }

    @Test
    void migration_job_template_runs_the_farm_image_to_migrate_then_exit_once() {
        Job job = migrationJob();
        Manifests base = base();
        PodTemplateSpec pod = job.getSpec().getTemplate();
        Container c = Manifests.onlyContainer(pod);
        Container slot = Manifests.onlyContainer(base.named(Deployment.class, "farm-service-blue").getSpec().getTemplate());

        assertEquals(0, job.getSpec().getBackoffLimit(), "a failed migration is not retried");
        assertEquals("Never", pod.getSpec().getRestartPolicy());
        assertEquals(slot.getImage(), c.getImage());
        Map<String, String> env = base.env(c);
        assertEquals("true", env.get("QUARKUS_INIT_AND_EXIT"));
        assertEquals("true", env.get("FINCAFACIL_MIGRATE_AT_START"));
        assertEquals(base.env(slot).get("FINCAFACIL_DB_URL"), env.get("FINCAFACIL_DB_URL"), "it migrates the slots' database");
        for (Service s : base.all(Service.class)) {
            Map<String, String> selector = s.getSpec().getSelector();
            assertFalse(selector != null && !selector.isEmpty() && pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()),
                    "Service " + s.getMetadata().getName() + " would route traffic to the migration");
        }
        assertTrue(base.all(Job.class).isEmpty(), "a Job in the base would run on every apply");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void release_service_role_grants_exactly_what_a_release_needs(String overlay) {
        Manifests m = rendered(overlay);
        List<Role> roles = m.all(Role.class);
        assertEquals(1, roles.size());
        assertTrue(m.all(ClusterRole.class).isEmpty() && m.all(ClusterRoleBinding.class).isEmpty(), "nothing cluster-wide");

        Set<String> granted = new TreeSet<>();
        for (PolicyRule rule : roles.get(0).getRules()) {
            assertTrue(rule.getNonResourceURLs().isEmpty(), rule.toString());
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    rule.getVerbs().forEach(verb -> granted.add(group + "/" + resource + ":" + verb));
                }
            }
        }
        assertEquals(new TreeSet<>(RELEASE_SERVICE_MAY), granted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void only_release_service_gets_a_token_and_its_account_is_bound_to_the_role(String overlay) {
        Manifests m = rendered(overlay);
        String namespace = m.named(Deployment.class, "release-service").getMetadata().getNamespace();
        String account = m.named(Deployment.class, "release-service").getSpec().getTemplate().getSpec().getServiceAccountName();
        assertEquals("release-service", account);
        m.named(ServiceAccount.class, account);

        List<RoleBinding> bindings = m.all(RoleBinding.class);
        assertEquals(1, bindings.size());
        RoleBinding binding = bindings.get(0);
        assertEquals("Role", binding.getRoleRef().getKind());
        assertEquals(m.all(Role.class).get(0).getMetadata().getName(), binding.getRoleRef().getName());
        assertEquals(1, binding.getSubjects().size());
        Subject subject = binding.getSubjects().get(0);
        assertEquals(List.of("ServiceAccount", account, namespace),
                List.of(subject.getKind(), subject.getName(), subject.getNamespace()));

        for (Deployment d : m.deployments()) {
            if (!d.getMetadata().getName().equals("release-service")) {
                assertEquals(Boolean.FALSE, d.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken(),
                        d.getMetadata().getName() + " never calls the Kubernetes API");
            }
        }
        assertEquals(Boolean.FALSE, migrationJob().getSpec().getTemplate().getSpec().getAutomountServiceAccountToken());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void every_env_var_a_pod_sets_is_one_its_service_reads(String overlay) {
        Manifests m = rendered(overlay);
        List<String> unread = new ArrayList<>();

        for (Pod pod : pods(m)) {
            Set<String> read = pod.service().envNamesRead();
            m.env(pod.container()).keySet().stream()
                    .filter(name -> !read.contains(name) && !QUARKUS_STANDARD.contains(name))
                    .forEach(name -> unread.add(pod.name() + " sets " + name));
        }
        assertEquals(List.of(), unread, "names no service reads (a typo, or a setting that went away)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void every_setting_that_defaults_to_the_local_platform_is_set(String overlay) {
        Manifests m = rendered(overlay);
        List<String> missing = new ArrayList<>();

        for (Pod pod : pods(m)) {
            Map<String, String> env = m.env(pod.container());
            pod.service().envReferences().forEach((name, defaultValue) -> {
                if (pointsAtTheLocalPlatform(defaultValue) && !env.containsKey(name)) {
                    missing.add(pod.name() + " leaves " + name + " at " + defaultValue);
                }
            });
        }
        assertEquals(List.of(), missing);
    }

    /** A loopback address or a path relative to the local platform's working directory. */
    private static boolean pointsAtTheLocalPlatform(String defaultValue) {
        return defaultValue != null && (defaultValue.contains("127.0.0.1") || defaultValue.contains("localhost")
                || (defaultValue.contains("/") && !defaultValue.contains(":") && !defaultValue.startsWith("/")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void secrets_are_referenced_by_name_and_never_shipped(String overlay) {
        Manifests m = rendered(overlay);
        assertTrue(m.all(Secret.class).isEmpty(), "Secrets are made in the cluster, never kept in the repo");

        for (Pod pod : pods(m)) {
            Map<String, String> env = m.env(pod.container());
            assertEquals("secret:" + DB_SECRET + "/username", env.get("FINCAFACIL_DB_USER"), pod.name());
            assertEquals("secret:" + DB_SECRET + "/password", env.get("FINCAFACIL_DB_PASSWORD"), pod.name());
            if (pod.name().startsWith("incident-service")) {
                assertEquals("secret:incident-secrets/secret-key", env.get("FINCAFACIL_INCIDENT_SECRET_KEY"),
                        "the key that seals webhook URLs at rest");
            }

            Path key = Path.of(env.get("FINCAFACIL_JWT_PUBLIC_KEY"));
            Volume volume = volumeMountedAt(pod, key.getParent().toString());
            assertNotNull(volume.getSecret(), pod.name() + ": the JWT public key comes from a Secret");
            assertEquals(JWT_SECRET, volume.getSecret().getSecretName(), pod.name());
            List<String> files = volume.getSecret().getItems().stream().map(i -> i.getPath()).toList();
            assertTrue(files.isEmpty() || files.contains(key.getFileName().toString()), pod.name() + " mounts " + files);
        }
    }

    private static Volume volumeMountedAt(Pod pod, String mountPath) {
        VolumeMount mount = pod.container().getVolumeMounts().stream()
                .filter(v -> v.getMountPath().equals(mountPath)).findFirst()
                .orElseGet(() -> fail(pod.name() + " mounts nothing at " + mountPath));
        return pod.template().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseGet(() -> fail(pod.name() + " has no volume " + mount.getName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void config_files_mounted_into_pods_are_the_repos_config_files(String overlay) {
        Manifests m = rendered(overlay);
        int checked = 0;

        for (Pod pod : pods(m)) {
            for (VolumeMount mount : pod.container().getVolumeMounts()) {
                Volume volume = volumeMountedAt(pod, mount.getMountPath());
                if (volume.getConfigMap() == null || !CONFIG_FILES.equals(volume.getConfigMap().getName())) {
                    continue;
                }
                for (Map.Entry<String, String> e : m.env(pod.container()).entrySet()) {
                    if (e.getValue().startsWith(mount.getMountPath() + "/")) {
                        String file = e.getValue().substring(mount.getMountPath().length() + 1);
                        // config/'s files, and the CHANGELOG release-service checks a version against
                        assertTrue(Files.isRegularFile(REPO.path("config").resolve(file))
                                        || (file.equals("CHANGELOG.md") && Files.isRegularFile(REPO.path(file))),
                                pod.name() + ": " + e.getKey() + " names " + file + ", which config/ does not have");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 0, "no setting names a file of " + CONFIG_FILES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void each_service_uses_its_own_database_named_as_in_its_configuration(String overlay) {
        Manifests m = rendered(overlay);
        Map<String, String> databaseByService = new HashMap<>();

        for (Pod pod : pods(m)) {
            String expected = database(pod.service().defaultOf("quarkus.datasource.jdbc.url"));
            String url = m.env(pod.container()).get("FINCAFACIL_DB_URL");
            assertNotNull(url, pod.name());
            assertTrue(url.startsWith("jdbc:postgresql://"), url);
            assertEquals(expected, database(url), pod.name());
            databaseByService.put(pod.service().name(), expected);
        }
        assertEquals(databaseByService.size(), Set.copyOf(databaseByService.values()).size(), databaseByService.toString());
    }

    private static String database(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void every_host_a_setting_names_is_a_service_of_the_overlay(String overlay) {
        Manifests m = rendered(overlay);
        int checked = 0;

        for (Pod pod : pods(m)) {
            for (Map.Entry<String, String> e : m.env(pod.container()).entrySet()) {
                Matcher host = IN_NAMESPACE_HOST.matcher(e.getValue());
                while (host.find()) {
                    Service s = m.find(Service.class, host.group(1))
                            .orElseGet(() -> fail(pod.name() + ": " + e.getKey() + " names " + host.group(1) + ", no Service"));
                    int port = Integer.parseInt(host.group(2));
                    // an ExternalName Service forwards no ports: the name is only a DNS alias
                    assertTrue("ExternalName".equals(s.getSpec().getType())
                                    || s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port),
                            pod.name() + ": " + e.getKey() + " uses port " + port + " of " + host.group(1));
                    checked++;
                }
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void overlays_deploy_to_namespaces_of_their_own_and_piloto_is_the_smaller() throws IOException {
        Map<String, String> namespaceByOverlay = new HashMap<>();
        for (String overlay : overlays().toList()) {
            Manifests m = rendered(overlay);
            List<Namespace> namespaces = m.all(Namespace.class);
            assertEquals(1, namespaces.size(), overlay + " creates its namespace");
            String namespace = namespaces.get(0).getMetadata().getName();
            for (HasMetadata o : m.all()) {
                if (!(o instanceof Namespace)) {
                    assertEquals(namespace, o.getMetadata().getNamespace(), overlay + ": " + o.getKind() + " " + o.getMetadata().getName());
                }
            }
            namespaceByOverlay.put(overlay, namespace);
        }
        assertTrue(namespaceByOverlay.size() >= 2, "overlays: " + namespaceByOverlay.keySet());
        assertEquals(namespaceByOverlay.size(), Set.copyOf(namespaceByOverlay.values()).size(), namespaceByOverlay.toString());

        Manifests piloto = rendered("piloto");
        Manifests produccion = rendered("produccion");
        for (Deployment small : piloto.deployments()) {
            Deployment large = produccion.named(Deployment.class, small.getMetadata().getName());
            String name = small.getMetadata().getName();
            assertTrue(small.getSpec().getReplicas() <= large.getSpec().getReplicas(), name);
            assertTrue(memory(small, "limits").compareTo(memory(large, "limits")) < 0, name);
        }
        assertTrue(totalRequestedMemory(piloto).compareTo(totalRequestedMemory(produccion)) < 0);
    }

    private static BigDecimal memory(Deployment d, String which) {
        var resources = Manifests.onlyContainer(d.getSpec().getTemplate()).getResources();
        Map<String, Quantity> values = which.equals("limits") ? resources.getLimits() : resources.getRequests();
        assertNotNull(values.get("memory"), d.getMetadata().getName() + " sets memory " + which);
        assertNotNull(values.get("cpu"), d.getMetadata().getName() + " sets cpu " + which);
        return values.get("memory").getNumericalAmount();
    }

    private static BigDecimal totalRequestedMemory(Manifests m) {
        return m.deployments().stream()
                .map(d -> memory(d, "requests").multiply(BigDecimal.valueOf(d.getSpec().getReplicas())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

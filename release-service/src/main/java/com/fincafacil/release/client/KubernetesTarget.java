package com.fincafacil.release.client;

import com.fincafacil.release.domain.deployment.DeploymentTarget;
import com.fincafacil.release.domain.deployment.MigrationRun;
import com.fincafacil.release.domain.deployment.ScratchDatabases;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.release.domain.deployment.TargetRefusal;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Kubernetes target ({@code deploy/k8s}): slots are the Deployments {@code farm-service-blue}
 * and {@code farm-service-green}; the Service {@code farm-service} selects the active one and
 * {@code farm-service-preview} the other; a migration is a Job from the template, running the
 * image in migrate-and-exit mode. Only the verbs release-service's Role grants are used.
 */
public final class KubernetesTarget implements DeploymentTarget {

    static final String VERSION_ANNOTATION = "fincafacil.co/version";
    private static final String SERVICE = "farm-service";
    private static final String PREVIEW = "farm-service-preview";
    private static final int LOG_LINES = 40;

    private final KubernetesClient client;
    private final String namespace;
    private final Job migrationTemplate;
    private final Duration timeout;
    private final Duration poll;
    private final String farmJdbcUrl;

    private final String serviceUrl;
    private final String previewUrl;

    /** {@code farmJdbcUrl}: the farm database, whose server also holds a release's scratch databases. */
    public KubernetesTarget(KubernetesClient client, String namespace, InputStream migrationJobTemplate,
                            Duration timeout, Duration poll, String farmJdbcUrl) {
        this(client, namespace, migrationJobTemplate, timeout, poll, farmJdbcUrl, null, null);
    }

    /**
     * {@code serviceUrl}, {@code previewUrl}: how release-service reaches the active and the idle
     * slot (null: the Services' cluster DNS names, {@code http://farm-service[-preview].<ns>.svc:8090}).
     */
    public KubernetesTarget(KubernetesClient client, String namespace, InputStream migrationJobTemplate,
                            Duration timeout, Duration poll, String farmJdbcUrl, String serviceUrl, String previewUrl) {
        this.client = client;
        this.farmJdbcUrl = farmJdbcUrl;
        this.serviceUrl = serviceUrl != null ? serviceUrl : "http://" + SERVICE + "." + namespace + ".svc:8090";
        this.previewUrl = previewUrl != null ? previewUrl : "http://" + PREVIEW + "." + namespace + ".svc:8090";
        this.namespace = namespace;
        this.migrationTemplate = client.batch().v1().jobs().load(migrationJobTemplate).item();
        this.timeout = timeout;
        this.poll = poll;
    }

    @Override
    public List<SlotStatus> slots() {
        String active = activeSlot().orElse(null);
        return SLOTS.stream().map(slot -> status(slot, deployment(slot), slot.equals(active), url(slot.equals(active)))).toList();
    }

    @Override
    public Optional<String> activeSlot() {
        Service service = call(() -> client.services().inNamespace(namespace).withName(SERVICE).get());
        if (service == null) {
            throw new TargetRefusal(TargetRefusal.Kind.NOT_FOUND, "no Service " + SERVICE + " in " + namespace);
        }
        return Optional.ofNullable(service.getSpec().getSelector()).map(s -> s.get("slot"));
    }

    @Override
    public SlotStatus deploy(String slot, String version, String image) {
        refuseIfActive(slot, "deploy to");
        Deployment current = deployment(slot);
        if (!(version.equals(versionOf(current)) && image.equals(container(current).getImage()) && isReady(current))) {
            call(() -> deployments().withName(name(slot)).edit(d -> {
                // the template's annotation changes with every version, so each deploy rolls out new pods
                annotate(d.getMetadata(), version);
                annotate(d.getSpec().getTemplate().getMetadata(), version);
                Container c = container(d);
                c.setImage(image);
                c.getEnv().removeIf(e -> "FINCAFACIL_VERSION".equals(e.getName()));
                c.getEnv().add(new EnvVar("FINCAFACIL_VERSION", version, null));
                d.getSpec().setReplicas(Math.max(1, Optional.ofNullable(d.getSpec().getReplicas()).orElse(0)));
                return d;
            }));
            awaitReady(slot);
        }
        return status(slot, deployment(slot), false, url(false));
    }

    @Override
    public SlotStatus stop(String slot) {
        refuseIfActive(slot, "stop");
        deployment(slot);
        call(() -> deployments().withName(name(slot)).edit(d -> {
            d.getSpec().setReplicas(0);
            return d;
        }));
        return status(slot, deployment(slot), false, url(false));
    }

    @Override
    public void switchTo(String slot) {
        Deployment target = deployment(slot);
        if (!isReady(target)) {
            throw new TargetRefusal(TargetRefusal.Kind.CONFLICT, "slot " + slot + " is not ready; deploy to it first");
        }
        // the preview first: for a moment both Services select the new slot, never neither
        select(PREVIEW, DeploymentTarget.otherSlot(slot));
        select(SERVICE, slot);
    }

    /** An image pinned by digest ({@code …@sha256:…}); a tag can be pushed again. */
    @Override
    public boolean immutable(String image) {
        return image.contains("@sha256:");
    }

    @Override
    public MigrationRun migrate(String version, String image, String database) {
        long started = System.nanoTime();
        Job job = new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder(migrationTemplate).editMetadata()
                .withName(jobName(database == null ? version : version + "-" + database)).withNamespace(namespace)
                .addToAnnotations(VERSION_ANNOTATION, version).endMetadata().build();
        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        container.setImage(image);
        if (database != null) {
            // explicit env wins over the ConfigMap's FINCAFACIL_DB_URL: the Job migrates the scratch database
            container.getEnv().add(new EnvVar("FINCAFACIL_DB_URL", ScratchDatabases.url(farmJdbcUrl, database), null));
        }
        String name = call(() -> client.batch().v1().jobs().inNamespace(namespace).resource(job).create()).getMetadata().getName();
        Job done = awaitJob(name);
        List<String> log = podLogs(Map.of("job-name", name));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (done == null) {
            throw new TargetRefusal(TargetRefusal.Kind.TIMED_OUT, "migration Job " + name + " did not finish within "
                    + timeout.toSeconds() + " s", log);
        }
        if (count(done.getStatus().getSucceeded()) == 0) {
            throw new TargetRefusal(TargetRefusal.Kind.FAILED, "migration Job " + name + " failed", log);
        }
        // which versions it applied is Flyway's history's to say: the release's validate step reads it
        return new MigrationRun(version, true, List.of(), took, log);
    }

    private void awaitReady(String slot) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isReady(deployment(slot))) {
                return;
            }
            Optional<Pod> failing = pods(Map.of("app", SERVICE, "slot", slot)).stream().filter(FAILING).findFirst();
            if (failing.isPresent()) {
                throw new TargetRefusal(TargetRefusal.Kind.FAILED, "slot " + slot + " is failing to start (pod "
                        + failing.get().getMetadata().getName() + ")", podLogs(Map.of("app", SERVICE, "slot", slot)));
            }
            sleep();
        }
        throw new TargetRefusal(TargetRefusal.Kind.TIMED_OUT, "slot " + slot + " was not ready within "
                + timeout.toSeconds() + " s", podLogs(Map.of("app", SERVICE, "slot", slot)));
    }

    private Job awaitJob(String name) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Job job = call(() -> client.batch().v1().jobs().inNamespace(namespace).withName(name).get());
            if (job != null && job.getStatus() != null
                    && (count(job.getStatus().getSucceeded()) > 0 || count(job.getStatus().getFailed()) > 0)) {
                return job;
            }
            sleep();
        }
        return null;
    }

    /** A pod whose container keeps crashing or cannot get its image will not become ready by waiting. */
    private static final Predicate<Pod> FAILING = pod -> pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
            && pod.getStatus().getContainerStatuses().stream().anyMatch(cs -> cs.getState() != null
            && cs.getState().getWaiting() != null
            && List.of("CrashLoopBackOff", "ErrImagePull", "ImagePullBackOff", "CreateContainerConfigError")
            .contains(cs.getState().getWaiting().getReason()));

    private List<Pod> pods(Map<String, String> labels) {
        return call(() -> client.pods().inNamespace(namespace).withLabels(labels).list().getItems());
    }

    private List<String> podLogs(Map<String, String> labels) {
        List<String> lines = new ArrayList<>();
        for (Pod pod : pods(labels)) {
            try {
                String log = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).tailingLines(LOG_LINES).getLog();
                if (log != null) {
                    lines.addAll(Arrays.asList(log.split("\r?\n")));
                }
            } catch (KubernetesClientException e) {
                lines.add("(no log from pod " + pod.getMetadata().getName() + ": " + e.getCode() + ")");
            }
        }
        return lines;
    }

    private void select(String service, String slot) {
        call(() -> client.services().inNamespace(namespace).withName(service).edit(s -> {
            s.getSpec().getSelector().put("slot", slot);
            return s;
        }));
    }

    private void refuseIfActive(String slot, String verb) {
        if (slot.equals(activeSlot().orElse(null))) {
            throw new TargetRefusal(TargetRefusal.Kind.CONFLICT, "slot " + slot + " takes the traffic; cannot " + verb + " it");
        }
    }

    private Deployment deployment(String slot) {
        if (!SLOTS.contains(slot)) {
            throw new TargetRefusal(TargetRefusal.Kind.NOT_FOUND, "no slot '" + slot + "'; the slots are " + SLOTS);
        }
        Deployment d = call(() -> deployments().withName(name(slot)).get());
        if (d == null) {
            throw new TargetRefusal(TargetRefusal.Kind.NOT_FOUND, "no Deployment " + name(slot) + " in " + namespace);
        }
        return d;
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<Deployment, io.fabric8.kubernetes.api.model.apps.DeploymentList,
            io.fabric8.kubernetes.client.dsl.RollableScalableResource<Deployment>> deployments() {
        return client.apps().deployments().inNamespace(namespace);
    }

    private static SlotStatus status(String slot, Deployment d, boolean active, String url) {
        int replicas = count(d.getSpec().getReplicas());
        boolean ready = isReady(d);
        String state = replicas == 0 ? "stopped" : ready ? "running" : "starting";
        return new SlotStatus(slot, versionOf(d), container(d).getImage(), active, ready, state, url, null);
    }

    /** The active slot through farm-service, the idle one through farm-service-preview. */
    private String url(boolean active) {
        return active ? serviceUrl : previewUrl;
    }

    /** The rollout of the current spec is done and every replica is ready. */
    static boolean isReady(Deployment d) {
        int replicas = count(d.getSpec().getReplicas());
        var status = d.getStatus();
        if (replicas == 0 || status == null) {
            return false;
        }
        long generation = Optional.ofNullable(d.getMetadata().getGeneration()).orElse(0L);
        return Optional.ofNullable(status.getObservedGeneration()).orElse(0L) >= generation
                && count(status.getUpdatedReplicas()) >= replicas && count(status.getReadyReplicas()) >= replicas;
    }

    private static void annotate(io.fabric8.kubernetes.api.model.ObjectMeta meta, String version) {
        if (meta.getAnnotations() == null) {
            meta.setAnnotations(new java.util.LinkedHashMap<>());
        }
        meta.getAnnotations().put(VERSION_ANNOTATION, version);
    }

    private static String versionOf(Deployment d) {
        return Optional.ofNullable(d.getMetadata().getAnnotations()).map(a -> a.get(VERSION_ANNOTATION)).orElse(null);
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String name(String slot) {
        return "farm-service-" + slot;
    }

    /** Job names are DNS labels and cannot be reused: the version, made safe, and the time. */
    static String jobName(String version) {
        String safe = version.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String name = "farm-migrate-" + safe;
        name = name.substring(0, Math.min(name.length(), 50));
        return name + "-" + Long.toString(System.currentTimeMillis() / 1000, 36);
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetRefusal(TargetRefusal.Kind.UNREACHABLE, "interrupted while waiting for Kubernetes");
        }
    }

    private static <T> T call(java.util.function.Supplier<T> verb) {
        try {
            return verb.get();
        } catch (KubernetesClientException e) {
            throw new TargetRefusal(TargetRefusal.Kind.UNREACHABLE, "the Kubernetes API refused or failed ("
                    + e.getCode() + "): " + e.getMessage());
        }
    }
}

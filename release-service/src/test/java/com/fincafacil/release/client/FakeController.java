package com.fincafacil.release.client;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.util.Objects;

/**
 * What a cluster does and the mock API server does not: rolls Deployments out (status follows
 * spec.replicas) and runs Jobs to completion. It calls with its own user agent, so a test can tell
 * its requests from the adapter's.
 */
final class FakeController implements AutoCloseable {

    static final String USER_AGENT = "fake-controller";

    private final KubernetesClient client;
    private final String namespace;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile boolean failJobs;
    /** What "running" a Job does beyond finishing it (a flow test migrates the database it names); false fails it. */
    private final java.util.function.Predicate<Job> runJob;

    private FakeController(KubernetesClient client, String namespace, java.util.function.Predicate<Job> runJob) {
        this.client = client;
        this.runJob = runJob;
        this.namespace = namespace;
        this.thread = new Thread(this::loop, "fake-controller");
        this.thread.setDaemon(true);
    }

    static FakeController start(KubernetesClient adapterClient, String namespace) throws InterruptedException {
        return start(adapterClient, namespace, job -> true);
    }

    static FakeController start(KubernetesClient adapterClient, String namespace, java.util.function.Predicate<Job> runJob)
            throws InterruptedException {
        KubernetesClient own = new KubernetesClientBuilder().withConfig(new ConfigBuilder(adapterClient.getConfiguration())
                .withUserAgent(USER_AGENT).build()).build();
        FakeController controller = new FakeController(own, namespace, runJob);
        controller.reconcile();
        controller.thread.start();
        return controller;
    }

    void pause() {
        paused = true;
    }

    void failJobs() {
        failJobs = true;
    }

    private void loop() {
        while (running) {
            try {
                if (!paused) {
                    reconcile();
                }
                Thread.sleep(30);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a conflict with the adapter's own write: try again on the next round
            }
        }
    }

    private void reconcile() {
        for (Deployment d : client.apps().deployments().inNamespace(namespace).list().getItems()) {
            int replicas = d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas();
            if (d.getStatus() == null || !Objects.equals(d.getStatus().getReadyReplicas(), replicas)) {
                d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                        .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(replicas)
                        .withAvailableReplicas(replicas).build());
                client.apps().deployments().inNamespace(namespace).resource(d).updateStatus();
            }
        }
        for (Job job : client.batch().v1().jobs().inNamespace(namespace).list().getItems()) {
            if (job.getStatus() == null || (job.getStatus().getSucceeded() == null && job.getStatus().getFailed() == null)) {
                boolean succeeded = !failJobs && runJob.test(job);
                job.setStatus(succeeded ? new JobStatusBuilder().withSucceeded(1).build() : new JobStatusBuilder().withFailed(1).build());
                client.batch().v1().jobs().inNamespace(namespace).resource(job).updateStatus();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        client.close();
    }
}

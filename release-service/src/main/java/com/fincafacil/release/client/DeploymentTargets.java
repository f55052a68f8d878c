package com.fincafacil.release.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.deployment.DeploymentTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Picks the deployment target the configuration names; the other adapter is never built. */
@ApplicationScoped
public class DeploymentTargets {

    static final String MIGRATION_JOB_TEMPLATE = "k8s/farm-migrate-job.yaml";

    @Produces
    @ApplicationScoped
    DeploymentTarget target(ReleaseConfig config, ObjectMapper json, Instance<KubernetesClient> kubernetes) {
        ReleaseConfig.Target target = config.target();
        return switch (target.kind()) {
            case "local" -> new LauncherTarget(json, target.launcherUrl(), target.launcherToken().orElse(""), target.timeout());
            case "kubernetes" -> kubernetes(kubernetes.get(), target, config.farmDatabase().url());
            default -> throw new IllegalStateException("fincafacil.release.target.kind is '" + target.kind()
                    + "'; use local or kubernetes");
        };
    }

    private static KubernetesTarget kubernetes(KubernetesClient client, ReleaseConfig.Target target, String farmJdbcUrl) {
        try (InputStream template = DeploymentTargets.class.getClassLoader().getResourceAsStream(MIGRATION_JOB_TEMPLATE)) {
            if (template == null) {
                throw new IllegalStateException(MIGRATION_JOB_TEMPLATE + " is missing from the build");
            }
            return new KubernetesTarget(client, target.namespace().orElse(client.getNamespace()), template,
                    target.timeout(), Duration.ofSeconds(1), farmJdbcUrl, target.serviceUrl().orElse(null),
                    target.previewUrl().orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.fincafacil.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The objects of one rendering, with the look-ups the tests need. */
final class Manifests {

    private final List<HasMetadata> items;

    Manifests(List<HasMetadata> items) {
        this.items = List.copyOf(items);
    }

    List<HasMetadata> all() {
        return items;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return items.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return find(kind, name).orElseGet(() -> fail("no " + kind.getSimpleName() + " " + name));
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    /** The Deployments whose pods a Service's selector picks. */
    List<Deployment> selectedBy(Service service) {
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return List.of(); // an ExternalName Service, or one whose endpoints are managed by hand
        }
        return deployments().stream()
                .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
    }

    /** The service a Deployment runs: its pods' `app` label, which is the service module's name. */
    static String app(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels().get("app");
    }

    /** Each pod of these manifests runs one container: the service. */
    static Container onlyContainer(PodTemplateSpec pod) {
        List<Container> containers = pod.getSpec().getContainers();
        assertEquals(1, containers.size(), "containers of " + pod.getMetadata().getLabels());
        return containers.get(0);
    }

    /**
     * The environment the container starts with: its ConfigMaps' entries (envFrom), then its own
     * `env`, which wins. A secret's value shows as `secret:NAME/KEY`.
     */
    Map<String, String> env(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() == null) {
                fail(container.getName() + ": envFrom other than a ConfigMap cannot be checked: " + from);
            }
            env.putAll(named(ConfigMap.class, from.getConfigMapRef().getName()).getData());
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), valueOf(container, var));
        }
        return env;
    }

    private static String valueOf(Container container, EnvVar var) {
        if (var.getValueFrom() == null) {
            return var.getValue();
        }
        SecretKeySelector secret = var.getValueFrom().getSecretKeyRef();
        if (secret == null) {
            return fail(container.getName() + ": " + var.getName() + " comes from neither a value nor a Secret");
        }
        return "secret:" + secret.getName() + "/" + secret.getKey();
    }
}

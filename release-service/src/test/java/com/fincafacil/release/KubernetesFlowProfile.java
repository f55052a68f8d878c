package com.fincafacil.release;

import com.fincafacil.release.client.KubernetesResource;
import com.fincafacil.testing.PlatformTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The release flow on the Kubernetes target: the mock cluster instead of the launcher, its own Quarkus boot. */
public class KubernetesFlowProfile implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PlatformTestResource.class, Map.of("database", "release_k8s")),
                new TestResourceEntry(KubernetesResource.class));
    }
}

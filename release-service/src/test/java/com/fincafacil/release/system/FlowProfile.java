package com.fincafacil.release.system;

import com.fincafacil.testing.PlatformTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The release flow against the real launcher instead of the stand-in: its own Quarkus boot. */
public class FlowProfile implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    /** The runner can be killed at every step ({@link CrashingFaults}, armed only by the test that needs it). */
    @Override
    public java.util.Set<Class<?>> getEnabledAlternatives() {
        return java.util.Set.of(CrashingFaults.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PlatformTestResource.class, Map.of("database", "release_flow")),
                new TestResourceEntry(LauncherResource.class));
    }
}

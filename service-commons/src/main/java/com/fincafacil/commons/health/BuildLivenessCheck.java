package com.fincafacil.commons.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;

/** Cheap liveness that also tells release analysis which build runs and for how long. */
@Liveness
@ApplicationScoped
public class BuildLivenessCheck implements HealthCheck {

    private final BuildInfo build;

    public BuildLivenessCheck(BuildInfo build) {
        this.build = build;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("build")
                .withData("service", build.name())
                .withData("version", build.version())
                .withData("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .up().build();
    }
}

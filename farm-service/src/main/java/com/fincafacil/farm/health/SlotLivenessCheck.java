package com.fincafacil.farm.health;

import com.fincafacil.farm.config.FarmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Names the blue-green slot this instance runs as, and which process it is (pid, start time,
 * uptime): a switch can be checked from the health data, and release analysis sees a restart.
 */
@Liveness
@ApplicationScoped
public class SlotLivenessCheck implements HealthCheck {

    private final FarmConfig config;

    public SlotLivenessCheck(FarmConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        java.lang.management.RuntimeMXBean runtime = java.lang.management.ManagementFactory.getRuntimeMXBean();
        return HealthCheckResponse.named("slot").up().withData("slot", config.slot())
                .withData("pid", ProcessHandle.current().pid())
                .withData("startedAt", java.time.Instant.ofEpochMilli(runtime.getStartTime()).toString())
                .withData("uptimeSeconds", runtime.getUptime() / 1000).build();
    }
}

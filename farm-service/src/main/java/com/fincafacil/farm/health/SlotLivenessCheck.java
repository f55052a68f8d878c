package com.fincafacil.farm.health;

import com.fincafacil.farm.config.FarmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Names the blue-green slot this instance runs as, so a switch can be checked from the health data. */
@Liveness
@ApplicationScoped
public class SlotLivenessCheck implements HealthCheck {

    private final FarmConfig config;

    public SlotLivenessCheck(FarmConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("slot").up().withData("slot", config.slot()).build();
    }
}

package com.fincafacil.farm.health;

import com.fincafacil.flags.client.FlagsClient;
import com.fincafacil.flags.client.FlagsClientStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether flag answers are live or degraded (last known answers, then the flag file's
 * defaults). Degraded mode keeps farm-service ready: farm apps are served either way.
 */
@Readiness
@ApplicationScoped
public class FlagsModeCheck implements HealthCheck {

    private final FlagsClient flags;

    public FlagsModeCheck(FlagsClient flags) {
        this.flags = flags;
    }

    @Override
    public HealthCheckResponse call() {
        FlagsClientStatus status = flags.status();
        var response = HealthCheckResponse.named("flags").up()
                .withData("mode", status.mode())
                .withData("cached_contexts", status.cachedContexts());
        if (status.lastSuccess() != null) {
            response.withData("last_success", status.lastSuccess().toString());
        }
        if (status.lastError() != null) {
            response.withData("last_error", status.lastError());
        }
        return response.build();
    }
}

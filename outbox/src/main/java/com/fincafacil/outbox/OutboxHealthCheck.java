package com.fincafacil.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how many events wait for Kafka. A backlog does not make the service unready: writes
 * are safe in the outbox while the broker is away, and the Kafka check already says so.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            long pending = QuarkusTransaction.requiringNew().call(relay::pending);
            return HealthCheckResponse.named("outbox").up().withData("pending_events", pending).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("outbox").up().withData("pending_events", "unknown").build();
        }
    }
}

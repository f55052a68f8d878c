package com.fincafacil.incident.health;

import com.fincafacil.incident.config.IncidentConfig;
import com.fincafacil.incident.messaging.ReleaseEventConsumer;
import com.fincafacil.incident.repository.ChannelRepository;
import com.fincafacil.incident.repository.NotificationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the consumer and the announcement queue have done, in readiness data. Both stay UP:
 * neither a skipped record nor a dead webhook should take the service out of rotation, but an
 * operator (and a scrape) can see them here.
 */
@ApplicationScoped
public class IncidentHealthChecks {

    private final ReleaseEventConsumer consumer;
    private final ChannelRepository channels;
    private final NotificationRepository notifications;
    private final IncidentConfig config;

    public IncidentHealthChecks(ReleaseEventConsumer consumer, ChannelRepository channels, NotificationRepository notifications,
                                IncidentConfig config) {
        this.consumer = consumer;
        this.channels = channels;
        this.notifications = notifications;
        this.config = config;
    }

    @Produces
    @Readiness
    HealthCheck releaseEvents() {
        return () -> HealthCheckResponse.named("release events").up()
                .withData("enabled", config.consumer().enabled())
                .withData("applied", consumer.applied())
                .withData("duplicates", consumer.duplicates())
                .withData("unreadable", consumer.unreadable())
                .build();
    }

    @Produces
    @Readiness
    HealthCheck announcements() {
        return () -> {
            try {
                long failing = QuarkusTransaction.requiringNew().call(() ->
                        channels.count("consecutiveFailures >= ?1", config.announcements().failingAfter()));
                long pending = QuarkusTransaction.requiringNew().call(() -> notifications.count("status", "PENDING"));
                return HealthCheckResponse.named("announcements").up().withData("failing_channels", failing)
                        .withData("pending", pending).build();
            } catch (RuntimeException e) {
                return HealthCheckResponse.named("announcements").up().withData("failing_channels", "unknown").build();
            }
        };
    }
}

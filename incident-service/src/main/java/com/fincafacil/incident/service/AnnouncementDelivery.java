package com.fincafacil.incident.service;

import com.fincafacil.incident.client.WebhookSender;
import com.fincafacil.incident.config.IncidentConfig;
import com.fincafacil.incident.domain.announce.Backoff;
import com.fincafacil.incident.repository.ChannelEntity;
import com.fincafacil.incident.repository.ChannelRepository;
import com.fincafacil.incident.repository.NotificationEntity;
import com.fincafacil.incident.repository.NotificationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Sends queued announcements: each due one is claimed, posted outside any transaction, and its
 * outcome recorded. A failure waits (doubling, capped) and retries up to the attempt limit; a
 * channel failing that many times in a row is reported (list of channels, one WARN). Nothing
 * here runs inside a release's or an incident's transaction, so a dead webhook blocks neither.
 */
@ApplicationScoped
public class AnnouncementDelivery {

    private static final Logger LOG = Logger.getLogger(AnnouncementDelivery.class);
    private static final int BATCH = 20;

    private final NotificationRepository notifications;
    private final ChannelRepository channels;
    private final WebhookSender sender;
    private final IncidentConfig config;
    private final Clock clock;

    public AnnouncementDelivery(NotificationRepository notifications, ChannelRepository channels, WebhookSender sender,
                                IncidentConfig config, Clock clock) {
        this.notifications = notifications;
        this.channels = channels;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${fincafacil.incident.announcements.interval:PT1S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        deliverDue();
    }

    /** Sends what is due now; how many were delivered. */
    public int deliverDue() {
        Duration lease = config.announcements().timeout().multipliedBy(2);
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> notifications.claimDue(now(), lease, BATCH));
        int delivered = 0;
        for (Long id : due) {
            delivered += deliver(id) ? 1 : 0;
        }
        return delivered;
    }

    private boolean deliver(Long id) {
        record Attempt(NotificationEntity n, ChannelEntity c) {
        }
        Attempt a = QuarkusTransaction.requiringNew().call(() -> {
            NotificationEntity n = notifications.findById(id);
            return new Attempt(n, n == null ? null : channels.findById(n.channelId));
        });
        if (a.n() == null || a.c() == null) {
            return false;
        }
        Optional<String> failure = sender.send(a.c().kind, a.c().url, a.n().kind, a.n().text, a.n().values);
        QuarkusTransaction.requiringNew().run(() -> record(id, a.c().id, failure));
        return failure.isEmpty();
    }

    private void record(Long id, java.util.UUID channelId, Optional<String> failure) {
        NotificationEntity n = notifications.findById(id);
        ChannelEntity c = channels.findById(channelId);
        n.attempts++;
        if (failure.isEmpty()) {
            n.status = "DELIVERED";
            n.deliveredAt = now();
            n.lastError = null;
            if (c != null) {
                c.consecutiveFailures = 0;
                c.lastSuccessAt = now();
            }
            return;
        }
        n.lastError = failure.get();
        boolean givenUp = n.attempts >= config.announcements().maxAttempts();
        n.status = givenUp ? "GAVE_UP" : "PENDING";
        n.nextAttemptAt = now().plus(new Backoff(config.announcements().initialBackoff(), config.announcements().maxBackoff()).after(n.attempts));
        if (c != null) {
            c.consecutiveFailures++;
            c.lastError = failure.get();
            c.lastFailureAt = now();
            if (c.consecutiveFailures == config.announcements().failingAfter()) {
                LOG.warnf("Announcement channel '%s' failed %d times in a row (%s); its announcements keep being retried",
                        c.name, c.consecutiveFailures, failure.get());
            }
        }
        if (givenUp) {
            LOG.warnf("Announcement %d (%s) to channel '%s' given up after %d attempts (%s)", id, n.kind, c == null ? "?" : c.name,
                    n.attempts, failure.get());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

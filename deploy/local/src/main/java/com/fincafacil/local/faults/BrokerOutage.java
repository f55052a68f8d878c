package com.fincafacil.local.faults;

import com.fincafacil.local.slots.Refusal;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka broker stopped for a while and started again on the same ports and data: what every
 * service sees when the broker is down (readiness fails, the outbox holds its events). One outage
 * at a time; it ends at its expiry or when cleared.
 */
public final class BrokerOutage implements AutoCloseable {

    /** The launcher's broker, stopped and started again. */
    public interface Broker {
        void stop() throws Exception;

        void start() throws Exception;
    }

    private record Outage(String id, Instant createdAt, Instant expiresAt, ScheduledFuture<?> expiry) {
        JsonObject toJson() {
            return new JsonObject().put("id", id).put("kind", "kafka").put("createdAt", createdAt.toString())
                    .put("expiresAt", expiresAt.toString());
        }
    }

    private final Broker broker;
    private final PrintStream out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "broker-restart");
        t.setDaemon(true);
        return t;
    });
    private Outage current;

    public BrokerOutage(Broker broker, PrintStream out) {
        this.broker = broker;
        this.out = out;
    }

    /** Stops the broker for {@code duration}; 409 while it is stopped already. */
    public synchronized JsonObject stop(Duration duration) throws Refusal {
        if (current != null) {
            throw Refusal.conflict("kafka_stopped", "The Kafka broker is stopped already, until " + current.expiresAt()
                    + "; clear it first (./fincafacil faults clear " + current.id() + ").", current.toJson());
        }
        try {
            broker.stop();
        } catch (Exception e) {
            throw new Refusal(500, "kafka_not_stopped", "The Kafka broker could not be stopped: " + e.getMessage(), null);
        }
        String id = Fault.newId();
        Instant now = Instant.now();
        current = new Outage(id, now, now.plus(duration), timer.schedule(() -> end(id), duration.toMillis(), TimeUnit.MILLISECONDS));
        out.printf("  kafka      stopped until %s%n", current.expiresAt());
        return current.toJson();
    }

    /** Starts the broker again if outage {@code id} is the current one. */
    public synchronized Optional<JsonObject> end(String id) {
        if (current == null || !current.id().equals(id)) {
            return Optional.empty();
        }
        Outage ended = current;
        current = null;
        ended.expiry().cancel(false);
        try {
            broker.start();
            out.printf("  kafka      started again%n");
        } catch (Exception e) {
            out.printf("  kafka      could not be started again: %s (restart the platform)%n", e.getMessage());
        }
        return Optional.of(ended.toJson());
    }

    public synchronized List<JsonObject> endAll() {
        return current == null ? List.of() : end(current.id()).stream().toList();
    }

    public synchronized List<JsonObject> list() {
        return current == null ? List.of() : List.of(current.toJson());
    }

    /** Starts the broker again if it is stopped, then stops the timer. */
    @Override
    public void close() {
        endAll();
        timer.shutdownNow();
    }
}

package com.fincafacil.outbox;

import com.fincafacil.commons.events.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in id order, a batch at a time. A batch leaves the table only
 * after the broker acknowledged every record (acks=all, idempotent producer); on any failure the
 * transaction rolls back and the batch is retried on the next tick: at least once, never lost.
 * Deleting (rather than marking) published rows keeps the table small and costs the database one
 * row version per event instead of two. Rows an older version marked {@code published_at} are
 * skipped, so both versions can run side by side during a blue-green switch.
 * Rows are locked with SKIP LOCKED so two slots of one service can relay side by side. It runs on
 * its own thread because the scheduler cannot tick faster than once a second.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private static final long MAX_BACKOFF_MS = 2000;

    private final EntityManager em;
    private final Map<String, Object> kafkaConfig;
    private final long intervalMs;
    private Producer<String, String> producer;
    private volatile Thread loop;

    public OutboxRelay(EntityManager em, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "fincafacil.outbox.interval", defaultValue = "100ms") Duration interval) {
        this.em = em;
        this.kafkaConfig = kafkaConfig;
        this.intervalMs = Math.max(10, interval.toMillis());
    }

    void start(@Observes StartupEvent event) {
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        loop = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        Thread thread = loop;
        loop = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        long backoff = intervalMs;
        boolean failing = false;
        while (loop == Thread.currentThread()) {
            try {
                int published = publishBatch();
                if (failing) {
                    LOG.info("outbox relay publishes again");
                    failing = false;
                }
                backoff = intervalMs;
                if (published == BATCH) {
                    continue; // a full batch means more may be waiting
                }
                Thread.sleep(intervalMs);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // say it once per outage, not once per retry; the events wait safely in the table
                if (!failing) {
                    LOG.warnf("outbox relay cannot publish, retrying until Kafka accepts: %s", e.getMessage());
                    failing = true;
                }
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Publishes up to one batch; returns how many rows it published. */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // a queue table's statistics are always stale (it empties and refills many times a second),
            // so the planner may pick a scan of the whole heap; the index is always the right path
            em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            // taking the batch deletes it, inside this transaction: it commits only after Kafka
            // acknowledged every record, else the rollback puts the rows back for the next tick
            @SuppressWarnings("unchecked")
            List<Object[]> batch = em.createNativeQuery(
                            "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at IS NULL "
                                    + "ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED) "
                                    + "RETURNING id, topic, event_key, CAST(payload AS text)")
                    .getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            batch.sort(Comparator.comparingLong(row -> ((Number) row[0]).longValue()));
            List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
            for (Object[] row : batch) {
                ProducerRecord<String, String> message = new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3]);
                message.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                sends.add(producer().send(message));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(15, TimeUnit.SECONDS);
            }
            return batch.size();
        });
    }

    /** Events not yet acknowledged by Kafka. */
    public long pending() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")
                .getSingleResult()).longValue();
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            // fail a batch quickly while the broker is away; the next tick retries it
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}

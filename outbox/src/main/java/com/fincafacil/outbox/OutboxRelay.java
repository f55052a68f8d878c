package com.fincafacil.outbox;

import com.fincafacil.commons.events.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in id order, a batch at a time. A batch is marked published only
 * after the broker acknowledged every record (acks=all, idempotent producer); on any failure the
 * transaction rolls back and the batch is retried on the next tick: at least once, never lost.
 * Rows are locked with SKIP LOCKED so two slots of one service can relay side by side.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final Map<String, Object> kafkaConfig;
    private Producer<String, String> producer;

    public OutboxRelay(EntityManager em, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.em = em;
        this.kafkaConfig = kafkaConfig;
    }

    @Scheduled(every = "${fincafacil.outbox.interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            while (publishBatch() == BATCH) {
                // a full batch means more may be waiting: keep going until the backlog is drained
            }
        } catch (RuntimeException e) {
            LOG.debugf("outbox relay will retry: %s", e.getMessage());
        }
    }

    /** Publishes up to one batch; returns how many rows it published. */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxRecord> batch = em.createNativeQuery(
                            "SELECT * FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT " + BATCH
                                    + " FOR UPDATE SKIP LOCKED", OutboxRecord.class)
                    .getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
            for (OutboxRecord record : batch) {
                ProducerRecord<String, String> message = new ProducerRecord<>(record.topic, record.eventKey, record.payload);
                message.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                sends.add(producer().send(message));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(15, TimeUnit.SECONDS);
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (OutboxRecord record : batch) {
                record.publishedAt = now;
                record.attempts++;
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

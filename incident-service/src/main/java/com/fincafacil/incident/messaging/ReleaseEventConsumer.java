package com.fincafacil.incident.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.incident.config.IncidentConfig;
import com.fincafacil.incident.domain.ReleaseEvent;
import com.fincafacil.incident.service.ReleaseEventIngest;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain Kafka consumer of {@code fincafacil.release.events} on its own thread. Offsets are
 * committed only after an event's transaction committed, so a crash re-delivers and the
 * processed-ids table drops what was applied already. An event that fails to apply (database
 * away) is retried from its offset after a pause; one that can never be read is logged and skipped.
 * Off with {@code fincafacil.incident.consumer.enabled=false}.
 */
@ApplicationScoped
public class ReleaseEventConsumer {

    private static final Logger LOG = Logger.getLogger(ReleaseEventConsumer.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ReleaseEventIngest ingest;
    private final ObjectMapper mapper;
    private final IncidentConfig config;
    private final String bootstrapServers;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public ReleaseEventConsumer(ReleaseEventIngest ingest, ObjectMapper mapper, IncidentConfig config,
                                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.ingest = ingest;
        this.mapper = mapper;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.consumer().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "release-events-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops polling and closes the consumer; what was applied but not committed is re-delivered on the next start. */
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    public long applied() {
        return applied.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long unreadable() {
        return unreadable.get();
    }

    private void run() {
        Duration pause = Duration.ofMillis(500);
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(settings())) {
                consumer = c;
                c.subscribe(List.of(Topics.RELEASE_EVENTS));
                while (running) {
                    pollOnce(c);
                    pause = Duration.ofMillis(500);
                }
            } catch (WakeupException e) {
                // stop() asked
            } catch (RuntimeException e) {
                LOG.warnf("Release events could not be consumed (%s); retrying in %d ms", e.getClass().getSimpleName(), pause.toMillis());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : pause.multipliedBy(2);
            } finally {
                consumer = null;
            }
        }
    }

    private void pollOnce(KafkaConsumer<String, String> c) {
        ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (ConsumerRecord<String, String> r : records) {
                if (!handle(r)) {
                    // not applied: every partition goes back to its first record not done, retried after the pause
                    for (TopicPartition p : records.partitions()) {
                        OffsetAndMetadata next = done.get(p);
                        c.seek(p, next != null ? next.offset() : records.records(p).get(0).offset());
                    }
                    return;
                }
                done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            }
        } finally {
            if (!done.isEmpty()) {
                c.commitSync(done);
            }
        }
    }

    /** True when the record is done with (applied, a duplicate, or unreadable); false to retry it. */
    private boolean handle(ConsumerRecord<String, String> r) {
        ReleaseEvent event;
        Map<String, Object> data;
        try {
            JsonNode envelope = mapper.readTree(r.value());
            data = mapper.convertValue(envelope.get("data"), MAP);
            event = ReleaseEvent.fromData(envelope.get("id").asText(), envelope.get("type").asText(), data);
            java.util.UUID.fromString(event.releaseId());
        } catch (Exception e) {
            unreadable.incrementAndGet();
            LOG.errorf("Skipped an unreadable release event at %s-%d offset %d (%s)", r.topic(), r.partition(), r.offset(),
                    e.getClass().getSimpleName());
            return true;
        }
        try {
            if (ingest.apply(event, data)) {
                applied.incrementAndGet();
            } else {
                duplicates.incrementAndGet();
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Release event %s (%s) could not be applied; it will be retried", event.eventId(), event.type());
            sleep(Duration.ofSeconds(1));
            return false;
        }
    }

    private Map<String, Object> settings() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, config.consumer().group(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.CLIENT_ID_CONFIG, "incident-service-release-events");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

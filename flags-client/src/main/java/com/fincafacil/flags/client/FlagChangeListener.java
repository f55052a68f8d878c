package com.fincafacil.flags.client;

import com.fincafacil.commons.events.Topics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drops the client's cache whenever flags-service publishes a flag change, so the next call
 * revalidates (a cheap 304 when the change does not touch that context). Each instance has its own
 * consumer group, since every replica must see every change; it starts at the latest offset, as
 * older changes are already in what flags-service will answer. A broker that is down only delays
 * invalidation: max-age still bounds how stale an answer can be.
 */
public final class FlagChangeListener {

    private static final Logger LOG = Logger.getLogger(FlagChangeListener.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSE_AFTER_ERROR = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final String bootstrapServers;
    private final Runnable onChange;
    private final String groupId = "flags-client-" + UUID.randomUUID();
    private final AtomicLong changesSeen = new AtomicLong();
    private volatile boolean running;
    private volatile boolean assigned;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public FlagChangeListener(String bootstrapServers, Runnable onChange) {
        this.bootstrapServers = bootstrapServers;
        this.onChange = onChange;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "flags-client-changes");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** True once the broker has given this consumer the topic's partitions: changes from now on are seen. */
    public boolean isListening() {
        return assigned;
    }

    /** Change events consumed so far (rebalances that also drop the cache are not counted). */
    public long changesSeen() {
        return changesSeen.get();
    }

    /** True from start() until stop() has ended the thread, whatever the broker does meanwhile. */
    synchronized boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    private void run() {
        while (running) {
            KafkaConsumer<byte[], byte[]> created = null;
            try {
                created = new KafkaConsumer<>(config());
                consumer = created;
                created.subscribe(List.of(Topics.FLAG_CHANGES), new Assignment());
                while (running) {
                    ConsumerRecords<byte[], byte[]> records = created.poll(POLL);
                    records.forEach(record -> {
                        changesSeen.incrementAndGet();
                        onChange.run();
                    });
                }
            } catch (WakeupException e) {
                // stop() woke the poll up; the loop condition ends the thread
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("flag change listener: %s; retrying in %d s", e.getMessage(), PAUSE_AFTER_ERROR.toSeconds());
                    pause();
                }
            } finally {
                consumer = null;
                assigned = false;
                close(created);
            }
        }
    }

    private static void close(KafkaConsumer<byte[], byte[]> created) {
        if (created != null) {
            try {
                // the default 30 s would hold shutdown while the broker is away
                created.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            } catch (RuntimeException e) {
                LOG.debugf("flag change listener did not close cleanly: %s", e.getMessage());
            }
        }
    }

    private Map<String, Object> config() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                // a private group reads from its in-memory position; committed offsets would only litter the broker
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_ERROR.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Changes made while we held no partitions were not seen, so gaining them drops the cache too. */
    private final class Assignment implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            KafkaConsumer<byte[], byte[]> current = consumer;
            if (current != null) {
                // resolve "latest" now, so that once we say we are listening no later change is skipped
                partitions.forEach(current::position);
            }
            onChange.run();
            assigned = true;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assigned = false;
        }
    }
}

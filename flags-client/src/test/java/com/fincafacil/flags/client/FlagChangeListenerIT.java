package com.fincafacil.flags.client;

import com.fincafacil.testing.OfrepStandIn;
import com.fincafacil.commons.events.Topics;
import com.fincafacil.platform.KafkaBroker;
import com.fincafacil.testing.TestPlatform;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static com.fincafacil.flags.client.FlagsClientTest.PILOTO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The change listener on the real embedded broker: a flag.updated event makes the next call revalidate. */
class FlagChangeListenerIT {

    private final KafkaBroker broker = TestPlatform.shared().kafka();
    private final OfrepStandIn server = OfrepStandIn.start();
    // a real clock: max-age (30 s) outlasts each step, so only an invalidation makes the client ask again
    private final FlagsClient client = Clients.client(server.url(), OfrepStandIn.SEED_FILE, Duration.ofMillis(800),
            Clock.systemUTC(), broker.bootstrapServers());

    @AfterEach
    void stop() throws Exception {
        client.stop();
        server.stop();
        broker.restart(); // no-op when it is running
    }

    @Test
    void a_flag_change_event_drops_the_cache_and_the_next_call_revalidates_with_the_etag() throws Exception {
        client.start();
        await(client::isListeningForChanges, Duration.ofSeconds(30), "the listener never got its partitions");

        assertOneEventMakesTheClientRevalidate();
    }

    @Test
    void the_listener_survives_the_broker_going_away_and_coming_back() throws Exception {
        client.start();
        await(client::isListeningForChanges, Duration.ofSeconds(30), "the listener never got its partitions");

        broker.stop();
        TimeUnit.SECONDS.sleep(3);
        assertEquals(AnswerSource.LIVE, client.evaluate("FASE_8_DATA_QUALITY", PILOTO).source(),
                "flags-service answers whatever the broker does");
        broker.restart();

        assertOneEventMakesTheClientRevalidate();
    }

    private void assertOneEventMakesTheClientRevalidate() throws Exception {
        client.evaluateAll(PILOTO);
        long eventsBefore = client.changeEventsSeen();
        int requestsBefore = server.requests();
        int notModifiedBefore = server.notModified();

        // after a broker outage the first sends may be lost while it comes back; publish again until one is seen
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            publishFlagUpdated("FASE_9_OBSERVABILITY");
        } while (!waitFor(() -> client.changeEventsSeen() > eventsBefore, Duration.ofSeconds(3))
                && System.nanoTime() < deadline);
        assertTrue(client.changeEventsSeen() > eventsBefore, "no change event reached the listener");
        assertEquals(requestsBefore, server.requests(), "nothing is asked until the next call");
        client.evaluateAll(PILOTO);

        assertEquals(requestsBefore + 1, server.requests(), "the next call revalidates, once");
        assertEquals(notModifiedBefore + 1, server.notModified(), "with the ETag, so a 304");
        assertEquals(AnswerSource.CACHED, client.evaluate("FASE_8_DATA_QUALITY", PILOTO).source());
    }

    private void publishFlagUpdated(String key) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/flags-service","type":"flag.updated",\
                "time":"2025-03-02T07:00:00Z","subject":"%s","datacontenttype":"application/json",\
                "data":{"key":"%s","version":2,"actor":"operator","reason":"test",\
                "before":{"porcentaje_rollout":75},"after":{"porcentaje_rollout":80}}}"""
                .formatted(UUID.randomUUID(), key, key);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(Topics.FLAG_CHANGES, key, event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the broker may still be coming back; the caller publishes again
        }
    }

    private static boolean waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return true;
    }

    private static void await(BooleanSupplier condition, Duration timeout, String message) throws InterruptedException {
        assertTrue(waitFor(condition, timeout), message);
    }
}

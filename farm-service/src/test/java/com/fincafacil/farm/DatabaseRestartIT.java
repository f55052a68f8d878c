package com.fincafacil.farm;

import com.fincafacil.commons.events.Topics;
import com.fincafacil.testing.KafkaProbe;
import com.fincafacil.testing.TestPlatform;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL restarted while farm apps write: they get clean 503s (problem+json, Retry-After, a
 * code) and send the same write again with its Idempotency-Key, the service reconnects on its own,
 * and every acknowledged write is in the database exactly once, with its event on Kafka.
 */
@QuarkusTest
class DatabaseRestartIT {

    @Inject
    DataSource dataSource;

    @Test
    void writes_during_a_postgres_restart_get_clean_503s_and_every_acknowledged_one_is_kept_once() throws Exception {
        FarmApi.Finca finca = FarmApi.finca("Base Reiniciada", "piloto");
        ContinuousWrites writes = ContinuousWrites.start(finca, "PG", 4, Duration.ofMillis(20));
        try {
            Thread.sleep(1_500);
            TestPlatform.shared().postgres().restart(Duration.ofSeconds(3));
            Thread.sleep(3_000);
        } finally {
            writes.close();
        }
        assertEquals(List.of(), List.copyOf(writes.unexpected), "only acknowledgements and clean 503s");
        assertTrue(writes.unavailable.get() > 0, "the restart was seen by the farm apps");
        System.out.printf("PostgreSQL restart: %d writes acknowledged, %d clean 503s answered and retried%n",
                writes.acknowledged.size(), writes.unavailable.get());

        Map<String, String> stored = new HashMap<>();
        int rows = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT ear_tag, id FROM animals WHERE finca_id = ?")) {
            q.setObject(1, UUID.fromString(finca.id()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getString(2));
                    rows++;
                }
            }
        }
        assertEquals(stored.size(), rows, "no ear tag twice");
        assertEquals(writes.acknowledged, stored, "every acknowledged write once, with the id it was acknowledged with, and nothing else");

        // the outbox relay came back too: each acknowledged animal's event reaches Kafka
        // every animal's own event, not a count: a relay that resends after the restart may deliver one twice
        var events = KafkaProbe.awaitRecords(Topics.FARM_EVENTS,
                r -> finca.id().equals(r.key()) && r.value().contains("animal.registered"),
                found -> stored.values().stream().allMatch(animal -> found.stream().anyMatch(r -> r.value().contains(animal))),
                Duration.ofSeconds(60));
        for (String animal : stored.values()) {
            assertTrue(events.stream().anyMatch(r -> r.value().contains(animal)), "the event of " + animal);
        }
    }
}

package com.fincafacil.local.drill;

import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * What the drill checks after the rollback: every acknowledged write stored exactly once, and its
 * event on {@code fincafacil.farm.events} exactly once (by CloudEvent id, so the outbox's
 * at-least-once redeliveries do not count twice; order is not checked across slots).
 */
final class DrillChecks {

    static final String FARM_EVENTS = "fincafacil.farm.events";

    /** The event type each kind of write publishes. */
    private static final Map<String, String> EVENT_TYPES = Map.of("animal", "animal.registered", "weighing", "animal.weighed",
            "sale", "sale.recorded");
    private static final Map<String, String> ROWS = Map.of(
            "animal", "SELECT ear_tag, count(*) FROM animals WHERE finca_id = ?::uuid GROUP BY ear_tag",
            "weighing", "SELECT a.ear_tag, count(*) FROM weighings w JOIN animals a ON a.id = w.animal_id WHERE w.finca_id = ?::uuid GROUP BY a.ear_tag",
            "sale", "SELECT a.ear_tag, count(*) FROM sales s JOIN animals a ON a.id = s.animal_id WHERE s.finca_id = ?::uuid GROUP BY a.ear_tag");

    /** Acknowledged writes not stored exactly once, as {@code kind earTag ×n}. */
    record Found(List<String> missing, List<String> duplicated) {
        boolean clean() {
            return missing.isEmpty() && duplicated.isEmpty();
        }
    }

    private DrillChecks() {
    }

    /** The version of the last migration applied to the farm database, or empty when Flyway's history is empty. */
    static java.util.Optional<String> appliedSchemaVersion(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             var rs = c.createStatement().executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                     + "ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
        }
    }

    static Found database(String jdbcUrl, String fincaId, List<DrillLoad.Write> writes) throws SQLException {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            for (Map.Entry<String, String> kind : ROWS.entrySet()) {
                Map<String, Integer> byTag = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement(kind.getValue())) {
                    s.setString(1, fincaId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            byTag.put(rs.getString(1), rs.getInt(2));
                        }
                    }
                }
                counts.put(kind.getKey(), byTag);
            }
        }
        return compare(writes, w -> counts.get(w.kind()).getOrDefault(w.earTag(), 0));
    }

    /** Reads the finca's events until every acknowledged write has one or {@code patience} passes without a new one. */
    static Found events(String bootstrapServers, String fincaId, List<DrillLoad.Write> writes, Duration patience) {
        Map<String, Set<String>> ids = new HashMap<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "go-live-drill-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(FARM_EVENTS));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < patience.toNanos()) {
                boolean any = false;
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!fincaId.equals(record.key())) {
                        continue;
                    }
                    JsonObject event = new JsonObject(record.value());
                    String tag = event.getJsonObject("data", new JsonObject()).getString("earTag");
                    ids.computeIfAbsent(event.getString("type") + " " + tag, k -> new HashSet<>()).add(event.getString("id"));
                    any = true;
                }
                if (any) {
                    quietSince = System.nanoTime();
                }
                if (writes.stream().allMatch(w -> ids.containsKey(EVENT_TYPES.get(w.kind()) + " " + w.earTag()))) {
                    break;
                }
            }
        }
        return compare(writes, w -> ids.getOrDefault(EVENT_TYPES.get(w.kind()) + " " + w.earTag(), Set.of()).size());
    }

    private static Found compare(List<DrillLoad.Write> writes, java.util.function.ToIntFunction<DrillLoad.Write> stored) {
        List<String> missing = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        for (DrillLoad.Write w : writes) {
            int n = stored.applyAsInt(w);
            if (n == 0) {
                missing.add(w.kind() + " " + w.earTag());
            } else if (n > 1) {
                duplicated.add(w.kind() + " " + w.earTag() + " ×" + n);
            }
        }
        return new Found(missing, duplicated);
    }
}

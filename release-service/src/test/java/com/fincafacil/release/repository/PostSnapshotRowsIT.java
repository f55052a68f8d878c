package com.fincafacil.release.repository;

import com.fincafacil.platform.EmbeddedPostgresServer;
import com.fincafacil.release.domain.backup.PostSnapshotTable;
import com.fincafacil.release.domain.backup.Snapshot;
import com.fincafacil.testing.TestPlatform;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The disaster restore's data path on a real PostgreSQL with farm-service's schema: a farm
 * database written to after its snapshot and changed by a release (a new column, a new table, a
 * row rewritten without a timestamp) is set aside; the snapshot restored beside it gets every row
 * written after the snapshot, and what it does not get is counted and named.
 */
class PostSnapshotRowsIT {

    private static final String FINCA = UUID.randomUUID().toString();

    @TempDir
    Path dir;

    @Test
    void rows_written_after_the_snapshot_are_carried_over_and_the_rest_is_listed() throws Exception {
        EmbeddedPostgresServer postgres = TestPlatform.shared().postgres();
        String farm = "psr_farm";
        String failed = "psr_failed";
        String restored = "psr_restored";
        try (Connection server = connect(postgres, "postgres")) {
            DatabaseServer databases = new DatabaseServer(server);
            for (String db : List.of(farm, failed, restored)) {
                databases.drop(db);
            }
            databases.create(farm);
            databases.create(restored);
        }
        migrate(postgres, farm);
        migrate(postgres, restored);
        UUID sold = UUID.randomUUID();
        UUID rewritten = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        Snapshot snapshot;
        try (Connection c = connect(postgres, farm); Statement s = c.createStatement()) {
            s.execute("INSERT INTO fincas VALUES ('" + FINCA + "', 'La Esperanza', 'Córdoba', 'Montería', 'piloto', now(), now())");
            animal(s, sold, "A1");
            animal(s, rewritten, "A2");
            s.execute("INSERT INTO alertas (id, finca_id, tipo_alerta, code, message, dedupe_key, created_at) VALUES ('"
                    + alert + "', '" + FINCA + "', 'ALTA', 'peso', 'bajó de peso', 'k1', now())");
            s.execute("INSERT INTO outbox (event_id, topic, event_key, payload, created_at) VALUES (gen_random_uuid(), 't', 'published', '{}', now())");
            snapshot = FarmSnapshots.take(c, dir.resolve("backup"));
            Thread.sleep(5);
            // after the snapshot: the farm goes on (a release's migration, then writes through both versions)
            s.execute("ALTER TABLE animals ADD COLUMN tattoo VARCHAR(20)");
            s.execute("CREATE TABLE pesajes_v2 (id UUID PRIMARY KEY, kg NUMERIC)");
            s.execute("INSERT INTO pesajes_v2 VALUES (gen_random_uuid(), 300), (gen_random_uuid(), 310)");
            s.execute("UPDATE animals SET breed = 'cebú (migration)' WHERE id = '" + rewritten + "'");
            animal(s, UUID.randomUUID(), "A3");
            s.execute("INSERT INTO sales VALUES (gen_random_uuid(), '" + FINCA + "', '" + sold + "', current_date, 2500000, 'Subasta', now())");
            s.execute("UPDATE animals SET status = 'vendido', updated_at = now() WHERE id = '" + sold + "'");
            s.execute("UPDATE alertas SET acknowledged_at = now(), acknowledged_by = 'ana' WHERE id = '" + alert + "'");
            s.execute("DELETE FROM outbox WHERE event_key = 'published'");
            s.execute("INSERT INTO outbox (event_id, topic, event_key, payload, created_at) VALUES (gen_random_uuid(), 't', 'pending', '{}', now())");
        }
        try (Connection server = connect(postgres, "postgres")) {
            new DatabaseServer(server).rename(farm, failed);
            assertFalse(new DatabaseServer(server).exists(farm));
        }
        try (Connection f = connect(postgres, failed); Connection r = connect(postgres, restored)) {
            FarmSnapshots.restore(FarmSnapshots.read(dir.resolve("backup")), r);

            Map<String, PostSnapshotTable> dry = byTable(PostSnapshotRows.carryOver(f, r, snapshot.takenAt(), true));
            assertEquals(1, dry.get("sales").inserted(), "a dry run counts");
            assertEquals(0, count(r, "SELECT count(*) FROM sales"), "and changes nothing");

            Map<String, PostSnapshotTable> report = byTable(PostSnapshotRows.carryOver(f, r, snapshot.takenAt(), false));
            assertEquals(new PostSnapshotTable("animals", 1, 1, 1, 0, List.of(rewritten.toString()), null), report.get("animals"));
            assertEquals(1, report.get("sales").inserted());
            assertEquals(1, report.get("alertas").updated());
            assertEquals(1, report.get("outbox").inserted());
            assertEquals(1, report.get("outbox").removedKept(), "a published event is listed, not deleted");
            assertEquals(2, report.get("pesajes_v2").changedKept(), "a table only the release created stays where it is");
            assertTrue(report.get("pesajes_v2").note().contains("only in the failed database"));
            assertFalse(report.containsKey("flyway_schema_history"));

            assertEquals("vendido", text(r, "SELECT status FROM animals WHERE id = '" + sold + "'"));
            assertEquals(null, text(r, "SELECT breed FROM animals WHERE id = '" + rewritten + "'"), "the migration's rewrite is not carried");
            assertEquals("ana", text(r, "SELECT acknowledged_by FROM alertas WHERE id = '" + alert + "'"));
            assertEquals(3, count(r, "SELECT count(*) FROM animals"));
            long failedMax = count(f, "SELECT max(id) FROM outbox");
            try (Statement s = r.createStatement()) {
                s.execute("INSERT INTO outbox (event_id, topic, event_key, payload, created_at) VALUES (gen_random_uuid(), 't', 'next', '{}', now())");
            }
            assertTrue(count(r, "SELECT id FROM outbox WHERE event_key = 'next'") > failedMax, "no outbox id is handed out twice");
            assertEquals(Map.of(), nonZero(byTable(PostSnapshotRows.carryOver(f, r, snapshot.takenAt(), true))),
                    "carried twice, nothing more to carry");
        }
    }

    private static Map<String, Long> nonZero(Map<String, PostSnapshotTable> report) {
        return report.values().stream().filter(t -> t.written() > 0).collect(Collectors.toMap(PostSnapshotTable::table, PostSnapshotTable::written));
    }

    private static Map<String, PostSnapshotTable> byTable(List<PostSnapshotTable> report) {
        return report.stream().collect(Collectors.toMap(PostSnapshotTable::table, Function.identity()));
    }

    private static void animal(Statement s, UUID id, String tag) throws SQLException {
        s.execute("INSERT INTO animals (id, finca_id, ear_tag, species, sex, status, created_at, updated_at) VALUES ('"
                + id + "', '" + FINCA + "', '" + tag + "', 'bovino', 'macho', 'activo', now(), now())");
    }

    private static void migrate(EmbeddedPostgresServer postgres, String database) {
        Flyway.configure().dataSource(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER, "postgres")
                .locations("filesystem:" + FarmSchema.farmMigrations()).load().migrate();
    }

    private static Connection connect(EmbeddedPostgresServer postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER, "postgres");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package com.fincafacil.release.repository;

import com.fincafacil.platform.EmbeddedPostgresServer;
import com.fincafacil.release.domain.backup.Snapshot;
import com.fincafacil.testing.TestPlatform;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded backup on a real PostgreSQL with farm-service's own schema (its Flyway scripts):
 * a snapshot taken while writes go on is one instant, and a restore gives back every table's rows.
 */
class FarmSnapshotsIT {

    private static final String FINCA = UUID.randomUUID().toString();
    private static EmbeddedPostgresServer postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void farmSchema() throws Exception {
        postgres = TestPlatform.shared().postgres();
        for (String db : List.of("snap_src", "snap_dst", "snap_old")) {
            postgres.ensureDatabase(db);
        }
        migrate("snap_src", null);
        migrate("snap_dst", null);
        migrate("snap_old", "3");
        try (Connection c = connect("snap_src"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO fincas VALUES ('" + FINCA + "', 'La Esperanza', 'Córdoba', 'Montería', 'piloto', now(), now())");
            s.execute("INSERT INTO animals (id, finca_id, ear_tag, species, sex, birth_date, status, current_weight_kg, created_at, updated_at)"
                    + " SELECT gen_random_uuid(), '" + FINCA + "', 'A' || g, 'bovino', 'hembra', '2023-01-15', 'activo', 312.5, now(), now()"
                    + " FROM generate_series(1, 60000) g");
        }
    }

    private static void migrate(String database, String target) {
        var config = Flyway.configure().dataSource(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER, "postgres")
                .locations("filesystem:" + FarmSchema.farmMigrations());
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER, "postgres");
    }

    @Test
    void a_snapshot_taken_while_writes_go_on_shows_one_instant() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> writePairs(writing, written));
        writer.start();
        while (written.get() < 20) {
            Thread.sleep(5);
        }
        Snapshot snapshot;
        try (Connection c = connect("snap_src")) {
            snapshot = FarmSnapshots.take(c, dir.resolve("during-writes"));
        } finally {
            writing.set(false);
            writer.join();
        }
        try (Connection c = connect("snap_dst")) {
            FarmSnapshots.restore(snapshot, c);
            // each pair is one transaction: a snapshot of one instant has as many events as animals
            long animals = count(c, "SELECT count(*) FROM animals WHERE ear_tag LIKE 'W%'");
            long events = count(c, "SELECT count(*) FROM outbox WHERE topic = 'snapshot-test'");
            assertEquals(animals, events, "animals and their events from the same instant");
            assertTrue(animals > 0, "the snapshot caught some of the concurrent writes");
            for (Snapshot.TableCopy table : snapshot.tables()) {
                assertEquals(table.rows(), count(c, "SELECT count(*) FROM \"" + table.table() + "\""), table.table());
            }
        }
        assertTrue(snapshot.sizeBytes() > 0);
        assertTrue(Files.exists(dir.resolve("during-writes/animals.copy")));
    }

    @Test
    void a_restore_gives_back_every_tables_rows() throws Exception {
        Snapshot snapshot;
        try (Connection c = connect("snap_src")) {
            snapshot = FarmSnapshots.take(c, dir.resolve("quiet"));
        }
        try (Connection dst = connect("snap_dst"); Connection src = connect("snap_src")) {
            FarmSnapshots.restore(snapshot, dst);
            assertEquals(fingerprints(src), fingerprints(dst));
        }
        assertEquals(60000 + count("snap_src", "SELECT count(*) FROM animals WHERE ear_tag LIKE 'W%'"),
                snapshot.tables().stream().filter(t -> t.table().equals("animals")).findFirst().orElseThrow().rows());
    }

    @Test
    void a_restore_refuses_a_schema_at_another_version_or_a_damaged_file_and_changes_nothing() throws Exception {
        Snapshot snapshot;
        try (Connection c = connect("snap_src")) {
            snapshot = FarmSnapshots.take(c, dir.resolve("checked"));
        }
        try (Connection old = connect("snap_old")) {
            assertThrows(SQLException.class, () -> FarmSnapshots.restore(snapshot, old));
        }
        Map<String, String> before;
        try (Connection dst = connect("snap_dst")) {
            before = fingerprints(dst);
        }
        Path animals = dir.resolve("checked/animals.copy");
        byte[] bytes = Files.readAllBytes(animals);
        bytes[bytes.length / 2] ^= 1;
        Files.write(animals, bytes);
        try (Connection dst = connect("snap_dst")) {
            assertThrows(Exception.class, () -> FarmSnapshots.restore(snapshot, dst));
            assertEquals(before, fingerprints(dst), "a failed restore rolls back");
        }
    }

    private static void writePairs(AtomicBoolean writing, AtomicInteger written) {
        try (Connection c = connect("snap_src")) {
            c.setAutoCommit(false);
            PreparedStatement animal = c.prepareStatement("INSERT INTO animals (id, finca_id, ear_tag, species, sex, status,"
                    + " created_at, updated_at) VALUES (gen_random_uuid(), ?::uuid, ?, 'bovino', 'macho', 'activo', now(), now())");
            PreparedStatement event = c.prepareStatement("INSERT INTO outbox (event_id, topic, event_key, payload, created_at)"
                    + " VALUES (gen_random_uuid(), 'snapshot-test', ?, '{}'::jsonb, now())");
            for (int n = 0; writing.get(); n++) {
                String tag = "W" + UUID.randomUUID().toString().substring(0, 8) + n;
                animal.setString(1, FINCA);
                animal.setString(2, tag.substring(0, Math.min(20, tag.length())));
                animal.executeUpdate();
                event.setString(1, tag);
                event.executeUpdate();
                c.commit();
                written.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per table: its row count and an MD5 of all its rows in a fixed order. */
    private static Map<String, String> fingerprints(Connection c) throws SQLException {
        Map<String, String> prints = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
                    + " FROM \"" + table + "\" t")) {
                rs.next();
                prints.put(table, rs.getString(1));
            }
        }
        return prints;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection c = connect(database)) {
            return count(c, sql);
        }
    }
}

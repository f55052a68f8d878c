package com.fincafacil.release.repository;

import com.fincafacil.release.domain.backup.Snapshot;
import com.fincafacil.release.domain.backup.Snapshot.TableCopy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The embedded platform's backup, where no version-matched {@code pg_dump} exists: every table
 * of the {@code public} schema copied out (binary COPY) inside one read-only REPEATABLE READ
 * transaction, so all tables show the same instant while the slots keep writing. Restore copies
 * the rows back into a database whose schema is at the snapshot's Flyway version. Each snapshot
 * leaves a {@code manifest.json} beside its files, so a restore long after needs nothing else.
 */
public final class FarmSnapshots {

    private static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TABLES = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname";

    private FarmSnapshots() {
    }

    /** Writes a snapshot of {@code database} into {@code directory} (created; must not hold one already). */
    public static Snapshot take(Connection database, Path directory) throws SQLException, IOException {
        long started = System.nanoTime();
        Files.createDirectories(directory);
        boolean autoCommit = database.getAutoCommit();
        database.setAutoCommit(false);
        try (Statement s = database.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Instant takenAt = Instant.now();
            String version = FlywayHistory.schemaVersion(database);
            CopyManager copy = database.unwrap(PGConnection.class).getCopyAPI();
            List<TableCopy> tables = new ArrayList<>();
            MessageDigest all = sha256();
            for (String table : tables(s)) {
                String file = table + ".copy";
                MessageDigest digest = sha256();
                long rows;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(directory.resolve(file)), digest)) {
                    rows = copy.copyOut("COPY " + quoted(table) + " TO STDOUT (FORMAT binary)", out);
                }
                byte[] hash = digest.digest();
                all.update(hash);
                tables.add(new TableCopy(table, rows, file, HexFormat.of().formatHex(hash)));
            }
            database.commit();
            long size = 0;
            for (TableCopy t : tables) {
                size += Files.size(directory.resolve(t.file()));
            }
            Snapshot snapshot = new Snapshot(directory, takenAt, version, List.copyOf(tables), size,
                    Duration.ofNanos(System.nanoTime() - started), HexFormat.of().formatHex(all.digest()));
            writeManifest(snapshot);
            return snapshot;
        } catch (SQLException | IOException e) {
            database.rollback();
            throw e;
        } finally {
            database.setAutoCommit(autoCommit);
        }
    }

    /** Reads every file of {@code snapshot} back and checks it against its checksum (an IOException names the first that differs). */
    public static void verify(Snapshot snapshot) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (TableCopy table : snapshot.tables()) {
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(snapshot.directory().resolve(table.file())), digest)) {
                while (in.read(buffer) > 0) {
                    // reading is the point: the digest sees every byte
                }
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
                throw new IOException("the backup of " + table.table() + " does not match its checksum");
            }
        }
    }

    /**
     * Replaces every table's rows in {@code target} with the snapshot's, in one transaction, after
     * checking each file against its checksum. {@code target}'s schema must be at the snapshot's
     * version; constraints are not re-checked row by row (the rows were consistent when copied).
     */
    public static void restore(Snapshot snapshot, Connection target) throws SQLException, IOException {
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try (Statement s = target.createStatement()) {
            String version = FlywayHistory.schemaVersion(target);
            if (!version.equals(snapshot.schemaVersion())) {
                throw new SQLException("the target's schema is at V" + version + ", the snapshot's at V" + snapshot.schemaVersion());
            }
            // foreign keys and triggers wait: tables are filled in name order, not dependency order
            s.execute("SET LOCAL session_replication_role = replica");
            List<String> names = snapshot.tables().stream().map(t -> quoted(t.table())).toList();
            s.execute("TRUNCATE " + String.join(", ", names));
            CopyManager copy = target.unwrap(PGConnection.class).getCopyAPI();
            for (TableCopy table : snapshot.tables()) {
                MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(Files.newInputStream(snapshot.directory().resolve(table.file())), digest)) {
                    copy.copyIn("COPY " + quoted(table.table()) + " FROM STDIN (FORMAT binary)", in);
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
                    throw new IOException("the copy of " + table.table() + " does not match its checksum");
                }
            }
            target.commit();
        } catch (SQLException | IOException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    /** The snapshot kept in {@code directory}, from its manifest (an IOException when there is none). */
    public static Snapshot read(Path directory) throws IOException {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IOException("no snapshot manifest in " + directory);
        }
        JsonNode m = JSON.readTree(manifest.toFile());
        List<TableCopy> tables = new ArrayList<>();
        m.path("tables").forEach(t -> tables.add(new TableCopy(t.path("table").asText(), t.path("rows").asLong(),
                t.path("file").asText(), t.path("sha256").asText())));
        return new Snapshot(directory, Instant.parse(m.path("takenAt").asText()), m.path("schemaVersion").asText(),
                List.copyOf(tables), m.path("sizeBytes").asLong(), Duration.ofMillis(m.path("durationMs").asLong()),
                m.path("sha256").asText());
    }

    private static void writeManifest(Snapshot snapshot) throws IOException {
        ObjectNode m = JSON.createObjectNode().put("takenAt", snapshot.takenAt().toString())
                .put("schemaVersion", snapshot.schemaVersion()).put("sizeBytes", snapshot.sizeBytes())
                .put("durationMs", snapshot.duration().toMillis()).put("sha256", snapshot.sha256());
        ArrayNode tables = m.putArray("tables");
        snapshot.tables().forEach(t -> tables.addObject().put("table", t.table()).put("rows", t.rows())
                .put("file", t.file()).put("sha256", t.sha256()));
        JSON.writerWithDefaultPrettyPrinter().writeValue(snapshot.directory().resolve(MANIFEST).toFile(), m);
    }

    private static List<String> tables(Statement s) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

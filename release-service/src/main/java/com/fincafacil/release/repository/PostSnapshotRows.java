package com.fincafacil.release.repository;

import com.fincafacil.release.domain.backup.PostSnapshotTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Carries what a failed database holds beyond a restored snapshot into the restored one. Rows are
 * matched by primary key: a key the restore lacks was inserted after the snapshot; a row that
 * differs is carried over only when one of its timestamp columns ({@code updated_at},
 * {@code acknowledged_at}…) is later than the snapshot, since a difference without one may be the
 * failed migration's own doing. Everything else is counted and listed, never dropped: it stays in
 * the failed database. Flyway's history is the restored schema's own and is never carried.
 */
public final class PostSnapshotRows {

    private static final String FLYWAY_HISTORY = "flyway_schema_history";
    private static final int SAMPLE_KEYS = 5;

    private PostSnapshotRows() {
    }

    /**
     * Compares {@code failed} with {@code restored} (restored from a snapshot taken at
     * {@code takenAt}) table by table; unless {@code dryRun}, writes the rows written after the
     * snapshot into {@code restored}, in one transaction, and moves its sequences past the failed
     * database's so no key is handed out twice.
     */
    public static List<PostSnapshotTable> carryOver(Connection failed, Connection restored, Instant takenAt, boolean dryRun)
            throws SQLException, IOException {
        boolean autoCommit = restored.getAutoCommit();
        restored.setAutoCommit(false);
        Path spool = Files.createTempFile("post-snapshot-", ".copy");
        try (Statement s = restored.createStatement()) {
            // foreign keys wait: tables are carried in name order, and the rows were consistent where they came from
            s.execute("SET LOCAL session_replication_role = replica");
            Map<String, List<Column>> restoredTables = columns(restored);
            Map<String, List<Column>> failedTables = columns(failed);
            List<PostSnapshotTable> report = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, List<Column>> table : restoredTables.entrySet()) {
                List<Column> missing = table.getValue().stream().filter(c -> !failedTables.getOrDefault(table.getKey(), List.of())
                        .stream().map(Column::name).toList().contains(c.name())).toList();
                if (!failedTables.containsKey(table.getKey())) {
                    report.add(new PostSnapshotTable(table.getKey(), 0, 0, 0, 0, List.of(), "not in the failed database"));
                } else if (!missing.isEmpty()) {
                    report.add(new PostSnapshotTable(table.getKey(), 0, 0, count(failed, table.getKey()), 0, List.of(),
                            "the failed database lacks " + missing.stream().map(Column::name).toList() + ": not compared, its rows stay there"));
                } else {
                    report.add(carryTable(failed, restored, table.getKey(), table.getValue(), takenAt, spool, n++));
                }
            }
            for (String table : failedTables.keySet()) {
                if (!restoredTables.containsKey(table)) {
                    report.add(PostSnapshotTable.onlyInFailed(table, count(failed, table)));
                }
            }
            if (dryRun) {
                restored.rollback();
            } else {
                advanceSequences(failed, restored);
                restored.commit();
            }
            return report;
        } catch (SQLException | IOException e) {
            restored.rollback();
            throw e;
        } finally {
            Files.deleteIfExists(spool);
            restored.setAutoCommit(autoCommit);
        }
    }

    private static PostSnapshotTable carryTable(Connection failed, Connection restored, String table, List<Column> columns,
                                                Instant takenAt, Path spool, int n) throws SQLException, IOException {
        List<String> keys = primaryKey(restored, table);
        if (keys.isEmpty()) {
            return new PostSnapshotTable(table, 0, 0, 0, 0, List.of(), "no primary key: not compared");
        }
        String t = FarmSnapshots.quoted(table);
        String incoming = "incoming_" + n;
        String list = columns.stream().map(c -> FarmSnapshots.quoted(c.name())).collect(Collectors.joining(", "));
        try (OutputStream out = Files.newOutputStream(spool)) {
            copy(failed).copyOut("COPY (SELECT " + list + " FROM " + t + ") TO STDOUT", out);
        }
        try (Statement s = restored.createStatement()) {
            s.execute("CREATE TEMP TABLE " + incoming + " (LIKE " + t + ") ON COMMIT DROP");
        }
        try (InputStream in = Files.newInputStream(spool)) {
            copy(restored).copyIn("COPY " + incoming + " (" + list + ") FROM STDIN", in);
        }
        String match = keys.stream().map(k -> "x." + FarmSnapshots.quoted(k) + " = i." + FarmSnapshots.quoted(k))
                .collect(Collectors.joining(" AND "));
        List<String> values = columns.stream().map(Column::name).filter(c -> !keys.contains(c)).map(FarmSnapshots::quoted).toList();
        // compared as text: every type has one, not every type has equality (json)
        String differs = values.isEmpty() ? "false" : "ROW(" + asText("x.", values) + ") IS DISTINCT FROM ROW(" + asText("i.", values) + ")";
        List<String> stamps = columns.stream().filter(Column::timestamp).map(c -> "i." + FarmSnapshots.quoted(c.name()) + " > '" + takenAt + "'::timestamptz").toList();
        long updated = 0;
        if (!stamps.isEmpty() && !values.isEmpty()) {
            String set = values.stream().map(v -> v + " = i." + v).collect(Collectors.joining(", "));
            updated = update(restored, "UPDATE " + t + " x SET " + set + " FROM " + incoming + " i WHERE " + match
                    + " AND " + differs + " AND (" + String.join(" OR ", stamps) + ")");
        }
        long inserted = update(restored, "INSERT INTO " + t + " (" + list + ") SELECT " + list + " FROM " + incoming
                + " i WHERE NOT EXISTS (SELECT 1 FROM " + t + " x WHERE " + match + ")");
        String keyText = "concat_ws(',', " + keys.stream().map(k -> "x." + FarmSnapshots.quoted(k) + "::text").collect(Collectors.joining(", ")) + ")";
        long changed = single(restored, "SELECT count(*) FROM " + t + " x JOIN " + incoming + " i ON " + match + " WHERE " + differs);
        List<String> sample = strings(restored, "SELECT " + keyText + " FROM " + t + " x JOIN " + incoming + " i ON " + match
                + " WHERE " + differs + " ORDER BY 1 LIMIT " + SAMPLE_KEYS);
        long removed = single(restored, "SELECT count(*) FROM " + t + " x WHERE NOT EXISTS (SELECT 1 FROM " + incoming + " i WHERE " + match + ")");
        return new PostSnapshotTable(table, inserted, updated, changed, removed, sample, null);
    }

    /** Each sequence of the restored database moved to at least where the failed database's had got to. */
    private static void advanceSequences(Connection failed, Connection restored) throws SQLException {
        Map<String, Long> reached = new LinkedHashMap<>();
        try (Statement s = failed.createStatement();
             ResultSet rs = s.executeQuery("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL")) {
            while (rs.next()) {
                reached.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (PreparedStatement p = restored.prepareStatement(
                "SELECT setval(format('%I', sequencename), greatest(coalesce(last_value, 0), ?)) FROM pg_sequences"
                        + " WHERE schemaname = 'public' AND sequencename = ?")) {
            for (Map.Entry<String, Long> e : reached.entrySet()) {
                p.setLong(1, e.getValue());
                p.setString(2, e.getKey());
                p.execute();
            }
        }
    }

    private record Column(String name, boolean timestamp) {
    }

    private static Map<String, List<Column>> columns(Connection c) throws SQLException {
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, column_name, data_type FROM information_schema.columns c"
                        + " WHERE table_schema = 'public' AND table_name <> '" + FLYWAY_HISTORY + "'"
                        + " AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = 'public'"
                        + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')"
                        + " ORDER BY table_name, ordinal_position")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Column(rs.getString(2), rs.getString(3).startsWith("timestamp")));
            }
        }
        return tables;
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT a.attname FROM pg_index i"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " WHERE i.indrelid = format('public.%I', ?)::regclass AND i.indisprimary ORDER BY a.attnum")) {
            p.setString(1, table);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        }
    }

    private static String asText(String prefix, List<String> columns) {
        return columns.stream().map(c -> prefix + c + "::text").collect(Collectors.joining(", "));
    }

    private static long count(Connection c, String table) throws SQLException {
        return single(c, "SELECT count(*) FROM " + FarmSnapshots.quoted(table));
    }

    private static long update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static CopyManager copy(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }
}

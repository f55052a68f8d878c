package com.fincafacil.release.repository;

import com.fincafacil.release.domain.schema.Catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** Reads a schema's {@link Catalog} from PostgreSQL's catalogs (Flyway's own history table left out). */
public final class CatalogReader {

    private static final String HISTORY = "flyway_schema_history";

    private static final String COLUMNS = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,"
            + " pg_get_expr(d.adbin, d.adrelid)"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped";

    private static final String CONSTRAINTS = "SELECT con.conname, c.relname, con.contype, pg_get_constraintdef(con.oid)"
            + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f', 'c')";

    private static final String INDEXES = "SELECT i.relname, t.relname, pg_get_indexdef(i.oid)"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.oid)";

    private CatalogReader() {
    }

    public static Catalog read(Connection connection, String schema) throws SQLException {
        Map<String, Map<String, Catalog.Column>> tables = new TreeMap<>();
        query(connection, COLUMNS, schema, rs -> {
            if (!rs.getString(1).equals(HISTORY)) {
                tables.computeIfAbsent(rs.getString(1), t -> new TreeMap<>())
                        .put(rs.getString(2), new Catalog.Column(rs.getString(3), rs.getBoolean(4), unqualified(rs.getString(5), schema)));
            }
        });
        Map<String, Catalog.Constraint> constraints = new TreeMap<>();
        query(connection, CONSTRAINTS, schema, rs -> {
            if (!rs.getString(2).equals(HISTORY)) {
                constraints.put(rs.getString(1), new Catalog.Constraint(rs.getString(2), rs.getString(3), unqualified(rs.getString(4), schema)));
            }
        });
        Map<String, Catalog.Index> indexes = new TreeMap<>();
        query(connection, INDEXES, schema, rs -> {
            if (!rs.getString(2).equals(HISTORY)) {
                indexes.put(rs.getString(1), new Catalog.Index(rs.getString(2), unqualified(rs.getString(3), schema)));
            }
        });
        return new Catalog(tables, constraints, indexes);
    }

    /** Definitions name the schema (REFERENCES s.t, nextval('s.seq')): leave it out, so two schemas compare equal. */
    private static String unqualified(String definition, String schema) {
        return definition == null ? null : definition.replace(schema + ".", "").replace("\"" + schema + "\".", "");
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, String schema, Row row) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }
}

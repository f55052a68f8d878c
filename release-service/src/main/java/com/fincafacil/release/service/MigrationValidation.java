package com.fincafacil.release.service;

import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.service.StepActions.StepFailed;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's validate_migration.py as checks on the farm database after migrating: no table lost
 * rows against the backup taken just before, and the release's own read-only queries return
 * nothing (each returns the rows that break its rule).
 */
@ApplicationScoped
public class MigrationValidation {

    private static final int QUERY_TIMEOUT_SECONDS = 30;

    private final ReleaseConfig config;

    public MigrationValidation(ReleaseConfig config) {
        this.config = config;
    }

    /** Each table's rows before and after; a table gone or with fewer rows fails the step. */
    public Map<String, List<Long>> rowCounts(Connection farm, Map<String, Long> before) throws SQLException {
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        if (before == null) {
            return counts;
        }
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Long> table : before.entrySet()) {
            if (config.volatileTables().contains(table.getKey())) {
                continue;
            }
            Long after = count(farm, table.getKey());
            counts.put(table.getKey(), java.util.Arrays.asList(table.getValue(), after));
            if (after == null) {
                lost.add(table.getKey() + " is gone");
            } else if (after < table.getValue()) {
                lost.add(table.getKey() + " has " + after + " rows, " + table.getValue() + " before");
            }
        }
        if (!lost.isEmpty()) {
            throw new StepFailed("validate: rows lost: " + String.join("; ", lost));
        }
        return counts;
    }

    /** Runs each query in a read-only transaction; any row it returns fails the step. */
    public List<Map<String, Object>> queries(Connection farm, List<Map<String, String>> queries) throws SQLException {
        List<Map<String, Object>> results = new ArrayList<>();
        if (queries == null || queries.isEmpty()) {
            return results;
        }
        boolean autoCommit = farm.getAutoCommit();
        farm.setAutoCommit(false);
        try (Statement s = farm.createStatement()) {
            s.execute("SET TRANSACTION READ ONLY");
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            for (Map<String, String> query : queries) {
                String name = query.get("name");
                try (ResultSet rs = s.executeQuery(query.get("sql"))) {
                    long rows = 0;
                    String first = null;
                    while (rs.next()) {
                        if (rows++ == 0) {
                            first = row(rs);
                        }
                    }
                    results.add(Map.of("name", name, "rows", rows));
                    if (rows > 0) {
                        throw new StepFailed("validate: query " + name + " returned " + rows + " rows breaking its rule, first: " + first);
                    }
                } catch (SQLException e) {
                    throw new StepFailed("validate: query " + name + " failed: " + e.getMessage());
                }
            }
        } finally {
            farm.rollback();
            farm.setAutoCommit(autoCommit);
        }
        return results;
    }

    private static Long count(Connection farm, String table) throws SQLException {
        try (Statement s = farm.createStatement();
             ResultSet exists = s.executeQuery("SELECT to_regclass('public.\"" + table.replace("\"", "\"\"") + "\"')")) {
            exists.next();
            if (exists.getString(1) == null) {
                return null;
            }
        }
        try (Statement s = farm.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM public.\"" + table.replace("\"", "\"\"") + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            values.add(meta.getColumnLabel(i) + "=" + rs.getString(i));
        }
        return String.join(", ", values);
    }
}

package com.fincafacil.release.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What Flyway's history says of a database: the schema version it is at, and failed migrations. */
public final class FlywayHistory {

    private FlywayHistory() {
    }

    /** The latest successfully applied version, or "0" when none was. */
    public static String schemaVersion(Connection database) throws SQLException {
        try (Statement s = database.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history"
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "0";
        }
    }

    /** True when {@code version} was applied successfully. */
    public static boolean applied(Connection database, String version) throws SQLException {
        try (var s = database.prepareStatement("SELECT 1 FROM flyway_schema_history WHERE success AND version = ?")) {
            s.setString(1, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static long failedMigrations(Connection database) throws SQLException {
        try (Statement s = database.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

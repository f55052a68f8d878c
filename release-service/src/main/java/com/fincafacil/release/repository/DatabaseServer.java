package com.fincafacil.release.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whole-database verbs on the farm database's server, through a connection to its maintenance
 * database: create, drop, and set a database aside under another name with nobody left on it.
 * Names are the platform's own ({@code scratch_…}, {@code failed_…}), never a caller's text.
 */
public final class DatabaseServer {

    private static final int ATTEMPTS = 20;

    private final Connection server;

    public DatabaseServer(Connection server) {
        this.server = server;
    }

    public void create(String database) throws SQLException {
        execute("CREATE DATABASE " + FarmSnapshots.quoted(database));
    }

    public void drop(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + FarmSnapshots.quoted(database) + " WITH (FORCE)");
    }

    public boolean exists(String database) throws SQLException {
        try (PreparedStatement p = server.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            p.setString(1, database);
            return p.executeQuery().next();
        }
    }

    /**
     * Renames {@code database} to {@code to} once no session is left on it: new connections are
     * refused first, then every open one is ended (a pool reconnecting between the two is refused),
     * and connections are allowed again under the new name.
     */
    public void rename(String database, String to) throws SQLException {
        String from = FarmSnapshots.quoted(database);
        execute("ALTER DATABASE " + from + " WITH ALLOW_CONNECTIONS false");
        try {
            for (int attempt = 1; ; attempt++) {
                try (PreparedStatement p = server.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                    p.setString(1, database);
                    p.executeQuery().close();
                }
                try {
                    execute("ALTER DATABASE " + from + " RENAME TO " + FarmSnapshots.quoted(to));
                    break;
                } catch (SQLException e) {
                    // 55006: a terminated session had not quite gone yet
                    if (!"55006".equals(e.getSQLState()) || attempt == ATTEMPTS) {
                        throw e;
                    }
                    sleep();
                }
            }
        } catch (SQLException e) {
            execute("ALTER DATABASE " + from + " WITH ALLOW_CONNECTIONS true");
            throw e;
        }
        execute("ALTER DATABASE " + FarmSnapshots.quoted(to) + " WITH ALLOW_CONNECTIONS true");
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = server.createStatement()) {
            s.execute(sql);
        }
    }

    private static void sleep() throws SQLException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while renaming a database", e);
        }
    }
}

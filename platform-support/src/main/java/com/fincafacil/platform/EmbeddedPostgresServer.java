package com.fincafacil.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from the zonky binaries jar. With a kept data directory a
 * second start finds the data of the first; with a temporary one it is thrown away on close.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres.Builder builder;
    private volatile EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres.Builder builder) throws IOException {
        this.builder = builder;
        this.postgres = builder.start();
    }

    /** Starts a server on {@code port} (0 = any free port) keeping its data under {@code dataDir}. */
    public static EmbeddedPostgresServer start(Path dataDir, Path workDir, int port) throws IOException {
        Files.createDirectories(workDir);
        boolean keepData = Files.exists(dataDir.resolve("PG_VERSION"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                // a cold 2-core machine can take a while to initdb and unpack
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                // the embedded default is off, which acknowledges a commit before its WAL is on
                // disk: a crash could then lose a farm write the app was told had succeeded
                .setServerConfig("synchronous_commit", "on")
                // the owner stops it (the launcher after the farm slots, the tests at JVM exit); zonky's own
                // shutdown hook would stop it at once, while the slots are still finishing their writes
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        if (!keepData) {
            Files.createDirectories(dataDir.getParent());
        }
        return new EmbeddedPostgresServer(builder);
    }

    /**
     * Stops the server (a fast shutdown: open sessions are ended, as in a real restart) and starts
     * it again on the same port and data directory; clients' connections break and must reconnect.
     * {@code down} is how long it stays stopped.
     */
    public synchronized void restart(java.time.Duration down) throws IOException, InterruptedException {
        int port = port();
        postgres.close();
        Thread.sleep(down.toMillis());
        builder.setPort(port);
        postgres = builder.start();
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database unless it exists already; idempotent so restarts keep their data. */
    public void ensureDatabase(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

package com.fincafacil.local.slots;

import com.fincafacil.local.PlatformLayout;
import com.fincafacil.local.ServiceProcess;
import com.fincafacil.local.artifact.Artifact;
import com.fincafacil.local.artifact.ArtifactStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a stored version's migrations on the farm database the way a Kubernetes migration Job
 * does: farm-service in migrate-and-exit mode. Reports the outcome, what it applied and its log.
 */
public final class MigrationRunner {

    private static final int LOG_LINES = 60;

    private final PlatformLayout layout;
    private final ArtifactStore artifacts;
    private final FarmProcesses farm;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public MigrationRunner(PlatformLayout layout, ArtifactStore artifacts, FarmProcesses farm) {
        this.layout = layout;
        this.artifacts = artifacts;
        this.farm = farm;
    }

    /** A release's scratch database on the farm server: never the farm database or any other. */
    private static final java.util.regex.Pattern SCRATCH = java.util.regex.Pattern.compile("scratch_[a-z0-9_]{1,55}");

    /** Migrates the farm database to {@code version}'s schema; idempotent (nothing left to apply is a success). */
    public JsonObject migrate(String version) throws Refusal, IOException, InterruptedException {
        return migrate(version, null);
    }

    /**
     * Migrates {@code database} (a {@code scratch_…} database on the farm server, which the caller
     * created; null for the farm database) to {@code version}'s schema. Release-service compares
     * two scratch databases to classify a release's migrations by their effect.
     */
    public JsonObject migrate(String version, String database) throws Refusal, IOException, InterruptedException {
        if (database != null && !SCRATCH.matcher(database).matches()) {
            throw Refusal.badRequest("database", "database must be a scratch database (scratch_ followed by a-z, 0-9 or _), not "
                    + database + ".");
        }
        Artifact artifact = artifacts.find(version)
                .orElseThrow(() -> Refusal.notFound("version", "unknown_version", "No stored artifact " + version + "."));
        String url = database == null ? farm.farmJdbcUrl()
                : farm.farmJdbcUrl().substring(0, farm.farmJdbcUrl().lastIndexOf('/') + 1) + database;
        oneAtATime.lock();
        try {
            List<String> before = appliedVersions(url);
            long t0 = System.nanoTime();
            ServiceProcess process = farm.startMigration(version, artifacts.appDirectory(artifact),
                    artifacts.extraMigrations(artifact), url);
            Duration timeout = layout.settings().seconds("migration.timeout-seconds");
            if (!process.awaitExit(timeout)) {
                process.stop(Duration.ofSeconds(5));
                throw new Refusal(504, "migration_timeout", "The migrations of " + version + " did not finish within "
                        + timeout.toSeconds() + " s; the process was stopped.", report(artifact, url, before, process, t0));
            }
            JsonObject report = report(artifact, url, before, process, t0);
            if (process.exitCode() != 0) {
                throw new Refusal(500, "migration_failed", "The migrations of " + version + " failed (exit code "
                        + process.exitCode() + "); see the log.", report);
            }
            return report;
        } finally {
            oneAtATime.unlock();
        }
    }

    private JsonObject report(Artifact artifact, String url, List<String> before, ServiceProcess process, long t0) {
        List<String> after = appliedVersions(url);
        List<String> appliedNow = new ArrayList<>(after);
        appliedNow.removeAll(before);
        return new JsonObject().put("version", artifact.version())
                .put("outcome", Integer.valueOf(0).equals(process.exitCode()) ? "succeeded" : "failed")
                .put("exitCode", process.exitCode())
                .put("durationMs", (System.nanoTime() - t0) / 1_000_000)
                .put("applied", new JsonArray(appliedNow))
                .put("schemaVersion", after.isEmpty() ? null : after.get(after.size() - 1))
                .put("log", new JsonArray(process.logTail(LOG_LINES)));
    }

    /** The versions in the farm database's Flyway history that succeeded, in the order applied. */
    public List<String> appliedVersions() {
        return appliedVersions(farm.farmJdbcUrl());
    }

    private static List<String> appliedVersions(String url) {
        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, com.fincafacil.platform.EmbeddedPostgresServer.USER, "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL AND success ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        } catch (SQLException e) {
            // no history table yet: nothing was ever migrated
        }
        return versions;
    }
}

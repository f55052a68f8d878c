package com.fincafacil.local.slots;

import com.fincafacil.local.ClassDataSharing;
import com.fincafacil.local.PlatformLayout;
import com.fincafacil.local.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts farm-service from a stored artifact: as a slot (never migrating at start, tolerating
 * newer migrations) or in migrate-and-exit mode, the same thing a Kubernetes migration Job runs.
 */
public final class FarmProcesses {

    private final PlatformLayout layout;
    private final Map<String, String> platformProperties;

    /** {@code platformProperties}: what every farm-service process is given (database, Kafka, keys, flags). */
    public FarmProcesses(PlatformLayout layout, Map<String, String> platformProperties) {
        this.layout = layout;
        this.platformProperties = Map.copyOf(platformProperties);
    }

    /** {@code extra}: the artifact's extra migrations directory (see {@link com.fincafacil.local.artifact.ArtifactStore}). */
    ServiceProcess startSlot(String slot, String version, Path app, Path extra) throws IOException {
        Map<String, String> p = new LinkedHashMap<>(platformProperties);
        p.put("quarkus.http.port", String.valueOf(layout.settings().slotPort(slot)));
        p.put("fincafacil.farm.slot", slot);
        p.put("fincafacil.version", version);
        p.put("quarkus.flyway.migrate-at-start", "false");
        extraMigrations(extra, p);
        // on SIGTERM, finish the requests already taken before stopping
        p.put("quarkus.shutdown.timeout", layout.settings().seconds("slot.stop-timeout-seconds").toSeconds() / 2 + "s");
        return ServiceProcess.start("farm-service " + slot, layout.settings().jvmOptions(PlatformLayout.FARM_SERVICE),
                p, ServiceProcess.quarkusApp(app), logOf(slot), layout.root(),
                new ClassDataSharing(app.resolveSibling("app-cds.jsa"), slot));
    }

    /** {@code jdbcUrl}: the database to migrate (the farm database, or a release's scratch one). */
    ServiceProcess startMigration(String version, Path app, Path extra, String jdbcUrl) throws IOException {
        Map<String, String> p = new LinkedHashMap<>(platformProperties);
        p.put("quarkus.datasource.jdbc.url", jdbcUrl);
        extraMigrations(extra, p);
        p.put("quarkus.http.port", "0");
        p.put("fincafacil.version", version);
        p.put("quarkus.flyway.migrate-at-start", "true");
        p.put("quarkus.init-and-exit", "true");
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        Path log = layout.logs().resolve("farm-migrate-" + version + ("farm".equals(database) ? "" : "-" + database) + ".log");
        Files.deleteIfExists(log);
        // its own archive: migrate-and-exit loads other classes than a serving slot
        return ServiceProcess.start("farm-service migrate " + version, layout.settings().jvmOptions("migration"),
                p, ServiceProcess.quarkusApp(app), log, layout.root(),
                new ClassDataSharing(app.resolveSibling("migrate-cds.jsa"), "migrate-" + database));
    }

    /** An artifact stored with extra migrations runs them after its build's own. */
    private static void extraMigrations(Path extra, Map<String, String> p) {
        if (Files.isDirectory(extra)) {
            p.put("fincafacil.farm.extra-migrations", extra.toAbsolutePath().toString());
        }
    }

    String farmJdbcUrl() {
        return platformProperties.get("quarkus.datasource.jdbc.url");
    }

    Path logOf(String slot) {
        return layout.logs().resolve("farm-service-" + slot + ".log");
    }
}

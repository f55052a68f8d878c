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

    ServiceProcess startSlot(String slot, String version, Path app) throws IOException {
        Map<String, String> p = new LinkedHashMap<>(platformProperties);
        p.put("quarkus.http.port", String.valueOf(layout.settings().slotPort(slot)));
        p.put("fincafacil.farm.slot", slot);
        p.put("fincafacil.version", version);
        p.put("quarkus.flyway.migrate-at-start", "false");
        // on SIGTERM, finish the requests already taken before stopping
        p.put("quarkus.shutdown.timeout", layout.settings().seconds("slot.stop-timeout-seconds").toSeconds() / 2 + "s");
        return ServiceProcess.start("farm-service " + slot, layout.settings().jvmOptions(PlatformLayout.FARM_SERVICE),
                p, ServiceProcess.quarkusApp(app), logOf(slot), layout.root(),
                new ClassDataSharing(app.resolveSibling("app-cds.jsa"), slot));
    }

    ServiceProcess startMigration(String version, Path app) throws IOException {
        Map<String, String> p = new LinkedHashMap<>(platformProperties);
        p.put("quarkus.http.port", "0");
        p.put("fincafacil.version", version);
        p.put("quarkus.flyway.migrate-at-start", "true");
        p.put("quarkus.init-and-exit", "true");
        Path log = layout.logs().resolve("farm-migrate-" + version + ".log");
        Files.deleteIfExists(log);
        return ServiceProcess.start("farm-service migrate " + version, layout.settings().jvmOptions("migration"),
                p, ServiceProcess.quarkusApp(app), log, layout.root());
    }

    String farmJdbcUrl() {
        return platformProperties.get("quarkus.datasource.jdbc.url");
    }

    Path logOf(String slot) {
        return layout.logs().resolve("farm-service-" + slot + ".log");
    }
}

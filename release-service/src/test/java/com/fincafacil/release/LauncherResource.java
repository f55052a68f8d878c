package com.fincafacil.release;

import com.fincafacil.release.client.LauncherProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real launcher for the release flow tests: farm-service 1.0.0 installed in blue, the current
 * build also stored as 1.0.1 to 1.0.4, a monitoring window the tests end by promoting or
 * rolling back, a short rollback window, and a changelog with entries for them.
 */
public class LauncherResource implements QuarkusTestResourceLifecycleManager {

    static volatile LauncherProcess launcher;

    @Override
    public Map<String, String> start() {
        try {
            launcher = LauncherProcess.start();
            for (String version : new String[] {"1.0.1", "1.0.2", "1.0.3", "1.0.4"}) {
                if (launcher.run("artifact", "add", "--version", version) != 0) {
                    throw new IllegalStateException("could not store " + version);
                }
            }
            Path work = Files.createTempDirectory("release-flow-");
            Path changelog = work.resolve("CHANGELOG.md");
            Files.writeString(changelog, "# Changelog\n## [1.0.4]\n- Fourth fix\n## [1.0.3]\n- Third fix\n## [1.0.2]\n- Second fix\n## [1.0.1]\n### Fixed\n- Weighing dates in Bogotá time\n");
            return Map.of(
                    "fincafacil.release.target.launcher-url", launcher.controlUrl(),
                    "fincafacil.release.target.launcher-token", launcher.operatorToken(),
                    "fincafacil.release.farm-database.url", "jdbc:postgresql://127.0.0.1:" + launcher.postgresPort() + "/farm",
                    "fincafacil.release.backup-directory", work.resolve("backups").toString(),
                    "fincafacil.release.changelog-file", changelog.toString(),
                    "fincafacil.release.monitoring-window", "PT2M",
                    "fincafacil.release.rollback-window", "PT2S");
        } catch (Exception e) {
            throw new IllegalStateException("could not start the launcher", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (launcher != null) {
                launcher.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.fincafacil.release.system;

import com.fincafacil.release.client.LauncherProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real launcher for the release flow tests: farm-service 1.0.0 installed in blue; the current
 * build also stored as 1.0.1 to 1.0.4 with an expand migration, 1.0.5 adding a mix of expand and
 * contract, 1.0.6 a contract, 1.0.7 a migration that fails on the farm's rows; a monitoring window
 * the tests end by promoting or rolling back, a short rollback window, and a changelog for them.
 */
public class LauncherResource implements QuarkusTestResourceLifecycleManager {

    public static volatile LauncherProcess launcher;
    public static volatile int flagsPort;
    public static volatile int incidentPort;

    @Override
    public Map<String, String> start() {
        try {
            launcher = LauncherProcess.start();
            Path work = Files.createTempDirectory("release-flow-");
            Path expand = migrations(work, "expand", Map.of("V100__animal_nicknames.sql", NICKNAMES));
            for (String version : new String[] {"1.0.1", "1.0.2", "1.0.3", "1.0.4"}) {
                store(version, expand);
            }
            store("1.0.5", migrations(work, "mixed", Map.of("V100__animal_nicknames.sql", NICKNAMES,
                    "V101__herd_groups.sql", "CREATE TABLE herd_groups (id UUID PRIMARY KEY);\nALTER TABLE animals DROP COLUMN nickname;\n")));
            Path contract = migrations(work, "contract", Map.of("V100__animal_nicknames.sql", NICKNAMES,
                    "V102__drop_nicknames.sql", "ALTER TABLE animals DROP COLUMN nickname;\n"));
            store("1.0.6", contract);
            store("1.0.8", contract);
            store("1.0.9", contract);
            // 1.0.15: the console's browser test, after ReleaseFlowIT (no migration beyond what runs by then)
            for (String version : new String[] {"1.0.10", "1.0.11", "1.0.12", "1.0.13", "1.0.14", "1.0.15"}) {
                store(version, contract);
            }
            // an expand on an empty scratch database, a failure on the farm's real rows (ear tags are not numbers)
            Path failing = migrations(work, "failing", Map.of("V100__animal_nicknames.sql", NICKNAMES,
                    "V102__drop_nicknames.sql", "ALTER TABLE animals DROP COLUMN nickname;\n",
                    "V103__ear_tag_numbers.sql", "CREATE TABLE ear_tag_numbers (n INT);\n"
                            + "INSERT INTO ear_tag_numbers SELECT ear_tag::int FROM animals;\n"));
            store("1.0.7", failing);
            Path changelog = work.resolve("CHANGELOG.md");
            Files.writeString(changelog, "# Changelog\n## [1.0.15]\n- Watched from the console\n## [1.0.14]\n- Starts at the same time as 1.0.13\n## [1.0.13]\n- Survives a broker outage\n## [1.0.12]\n- Freezes\n## [1.0.11]\n- Slow answers\n## [1.0.10]\n- Sales fail\n## [1.0.9]\n- Breaks under load\n## [1.0.8]\n- Survives crashes\n## [1.0.7]\n- Ear tags as numbers\n## [1.0.6]\n- Nicknames go\n"
                    + "## [1.0.5]\n- Herd groups\n## [1.0.4]\n- Fourth fix\n## [1.0.3]\n- Third fix\n## [1.0.2]\n- Second fix\n"
                    + "## [1.0.1]\n### Fixed\n- Weighing dates in Bogotá time\n");
            // the console's Flags and Incidents screens: its browser test starts the real services on these ports
            flagsPort = com.fincafacil.platform.FreePorts.next();
            incidentPort = com.fincafacil.platform.FreePorts.next();
            return Map.ofEntries(
                    Map.entry("fincafacil.release.console.flags-url", "http://127.0.0.1:" + flagsPort),
                    Map.entry("fincafacil.release.console.incident-url", "http://127.0.0.1:" + incidentPort),
                    Map.entry("fincafacil.release.target.launcher-url", launcher.controlUrl()),
                    Map.entry("fincafacil.release.target.launcher-token", launcher.operatorToken()),
                    Map.entry("fincafacil.release.farm-database.url", "jdbc:postgresql://127.0.0.1:" + launcher.postgresPort() + "/farm"),
                    Map.entry("fincafacil.release.backup-directory", work.resolve("backups").toString()),
                    Map.entry("fincafacil.release.smoke-key-file", launcher.smokeKeyFile().toString()),
                    Map.entry("fincafacil.release.changelog-file", changelog.toString()),
                    Map.entry("fincafacil.release.monitoring-window", "PT2M"),
                    Map.entry("fincafacil.release.rollback-window", "PT2S"),
                    Map.entry("fincafacil.release.analysis.interval", "PT1S"),
                    Map.entry("fincafacil.release.analysis.entry-metrics-url", launcher.entryMetricsUrl()));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the launcher", e);
        }
    }

    private static final String NICKNAMES = "ALTER TABLE animals ADD COLUMN nickname VARCHAR(40);\n"
            + "CREATE TABLE pasture_notes (id UUID PRIMARY KEY, note TEXT);\n";

    private static void store(String version, Path migrations) throws Exception {
        if (launcher.run("artifact", "add", "--version", version, "--migrations", migrations.toString()) != 0) {
            throw new IllegalStateException("could not store " + version);
        }
    }

    private static Path migrations(Path work, String name, Map<String, String> scripts) throws Exception {
        Path dir = Files.createDirectories(work.resolve("migrations-" + name));
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            Files.writeString(dir.resolve(script.getKey()), script.getValue());
        }
        return dir;
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

package com.fincafacil.local.artifact;

import com.fincafacil.local.PlatformLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./fincafacil artifact add|list}: the store of farm-service builds releases run. */
@Command(name = "artifact", description = "Store farm-service builds for releases, and list them.",
        subcommands = {ArtifactCommand.Add.class, ArtifactCommand.ListArtifacts.class})
public class ArtifactCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", description = "Store a farm-service build (default: the current one, under its own version).")
    static class Add implements Callable<Integer> {

        @Option(names = "--version", description = "The version label to store it under (semver).")
        String version;

        @Option(names = "--migrations", paramLabel = "DIR",
                description = "A directory of extra V<version>__<description>.sql migrations to store with the build.")
        Path migrations;

        @Parameters(arity = "0..1", paramLabel = "PATH", description = "A quarkus-app directory (default: farm-service/target/quarkus-app).")
        Path path;

        @Override
        public Integer call() throws Exception {
            PlatformLayout layout = PlatformLayout.fromEnvironment();
            Path build = path != null ? path.toAbsolutePath() : layout.serviceApp(PlatformLayout.FARM_SERVICE);
            try {
                ArtifactStore.Added added = new ArtifactStore(layout.artifacts()).add(build, version,
                        migrations == null ? null : migrations.toAbsolutePath());
                Artifact a = added.artifact();
                System.out.printf("%s %s (sha256 %s, %d migrations, schema V%s)%n",
                        added.outcome() == ArtifactStore.Outcome.STORED ? "Stored" : "Already stored, same contents:",
                        a.version(), a.sha256(), a.migrations().size(), a.schemaVersion());
                return 0;
            } catch (ArtifactStore.Refused e) {
                System.err.println("Refused: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "list", description = "List the stored builds.")
    static class ListArtifacts implements Callable<Integer> {

        @Override
        public Integer call() throws Exception {
            List<Artifact> all = new ArtifactStore(PlatformLayout.fromEnvironment().artifacts()).list();
            if (all.isEmpty()) {
                System.out.println("No artifacts stored. ./fincafacil artifact add stores the current build.");
                return 0;
            }
            System.out.printf("%-16s %-14s %-8s %-22s %s%n", "VERSION", "SHA256", "SCHEMA", "STORED", "MIGRATIONS");
            for (Artifact a : all) {
                System.out.printf("%-16s %-14s %-8s %-22s %s%n", a.version(), a.sha256().substring(0, 12),
                        "V" + a.schemaVersion(), a.storedAt().toString().substring(0, 19) + "Z",
                        String.join(", ", a.migrations().stream().map(m -> "V" + m.version()).toList()));
            }
            return 0;
        }
    }
}

package com.fincafacil.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Java's dynamic class-data sharing (JEP 350) for the platform's JVMs: the first run of a build
 * records the classes it loaded into an archive when it exits; later runs map that archive and
 * start about a third faster (farm-service: 3.8 s to 2.6 s on two cores). An archive that does not
 * match the build is ignored by the JVM, so a stale one costs only the speed-up.
 */
public final class ClassDataSharing {

    /** The recording lists every class it skips; that is noise in a service's log. */
    private static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";

    private final Path archive;
    private final Path partial;

    /** {@code owner} tells apart processes that may record the same archive at once (two slots). */
    public ClassDataSharing(Path archive, String owner) {
        this.archive = archive;
        this.partial = archive.resolveSibling(archive.getFileName() + "." + owner + ".partial");
    }

    /** Map the archive if there is one, else record one at exit. */
    List<String> jvmOptions() throws IOException {
        Files.createDirectories(archive.getParent());
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, QUIET);
        }
        Files.deleteIfExists(partial);
        return List.of("-XX:ArchiveClassesAtExit=" + partial, QUIET);
    }

    /**
     * For a build that is rebuilt in place (a service's {@code target/quarkus-app}): one archive per
     * build, named after the time Quarkus wrote it; archives of earlier builds are deleted.
     */
    public static ClassDataSharing forBuild(Path cacheDir, String service, Path quarkusApp) throws IOException {
        Path marker = quarkusApp.resolve("quarkus-app-dependencies.txt");
        if (!Files.exists(marker)) {
            marker = quarkusApp.resolve("quarkus-run.jar");
        }
        String name = service + "-" + Files.getLastModifiedTime(marker).toMillis() + ".jsa";
        Files.createDirectories(cacheDir);
        try (var old = Files.list(cacheDir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(service + "-")
                    && !p.getFileName().toString().startsWith(name)).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return new ClassDataSharing(cacheDir.resolve(name), "service");
    }

    /** After the process ended: keep what a clean exit recorded, drop what a kill cut short. */
    void settle(boolean exitedCleanly) {
        try {
            if (exitedCleanly && Files.size(partial) > 0 && !Files.exists(archive)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // no archive this time: the next start records one again
        }
    }
}

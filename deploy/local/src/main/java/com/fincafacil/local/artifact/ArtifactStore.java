package com.fincafacil.local.artifact;

import io.vertx.core.json.JsonObject;
import com.fincafacil.flags.domain.SemVer;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stored farm-service builds: {@code FINCAFACIL_HOME/artifacts/<version>/} holds an
 * {@code artifact.json} with its checksum and migrations, and the extra migrations it was stored
 * with; the {@code quarkus-app} itself is kept once per build under {@code artifacts/.builds/<sha256>/},
 * so labels stored from one build (the drill, the release tests) share its bytes and the JVM's
 * class-data archive beside it. A release runs one of these, never a build directory the next
 * package overwrites.
 */
public final class ArtifactStore {

    private static final String MANIFEST = "artifact.json";
    private static final String BUILDS = ".builds";
    /** In the version's directory: the extra migrations an artifact was stored with. */
    public static final String EXTRA_MIGRATIONS = "migrations";

    /** What {@link #add} did. */
    public enum Outcome { STORED, ALREADY_STORED }

    public record Added(Artifact artifact, Outcome outcome) {
    }

    /** Refused: the version exists with other contents, or the input is not a build. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private final Path root;

    public ArtifactStore(Path root) {
        this.root = root;
    }

    /** Stores {@code quarkusApp} as {@code version} (its own Maven version when null). */
    public Added add(Path quarkusApp, String version) throws IOException, Refused {
        return add(quarkusApp, version, null);
    }

    /**
     * Stores {@code quarkusApp} as {@code version}, with {@code extraMigrations} (a directory of
     * {@code V*__*.sql}, or null) beside it: the slot and the migrate verb run them after the
     * build's own, so one build can be relabelled with a migration (the drill, the release tests).
     */
    public synchronized Added add(Path quarkusApp, String version, Path extraMigrations) throws IOException, Refused {
        if (!BuildInspector.isQuarkusApp(quarkusApp)) {
            throw new Refused(quarkusApp + " is not a farm-service build (no quarkus-run.jar and app/)");
        }
        String label = version != null ? version : BuildInspector.version(quarkusApp)
                .orElseThrow(() -> new Refused(quarkusApp + " does not say its version; give one with --version"));
        if (!isSemver(label)) {
            throw new Refused("'" + label + "' is not a semantic version (MAJOR.MINOR.PATCH[-pre])");
        }
        List<Migration> extra = List.of();
        String build = ContentHash.of(quarkusApp);
        String sha256 = build;
        if (extraMigrations != null) {
            if (!Files.isDirectory(extraMigrations)) {
                throw new Refused(extraMigrations + " is not a directory of migrations");
            }
            extra = BuildInspector.extraMigrations(extraMigrations);
            if (extra.isEmpty()) {
                throw new Refused(extraMigrations + " has no V<version>__<description>.sql migration");
            }
            sha256 = ContentHash.sha256Hex(sha256 + ContentHash.of(extraMigrations));
        }
        Optional<Artifact> existing = find(label);
        if (existing.isPresent()) {
            if (existing.get().sha256().equals(sha256)) {
                return new Added(existing.get(), Outcome.ALREADY_STORED);
            }
            throw new Refused("version " + label + " is already stored with other contents (sha256 "
                    + existing.get().sha256().substring(0, 12) + "…); store this build under a new version");
        }
        List<Migration> migrations = new ArrayList<>(BuildInspector.migrations(quarkusApp));
        migrations.addAll(extra);
        migrations.sort(Comparator.comparing(Migration::version, BuildInspector::compareVersions));
        Artifact artifact = new Artifact(label, sha256, Instant.now(), quarkusApp.toAbsolutePath().toString(), migrations, build);
        keepBuild(quarkusApp, build);
        // written aside first, then moved in one step: a half-written artifact is never visible
        Path staging = Files.createTempDirectory(root, ".staging-");
        if (extraMigrations != null) {
            Path target = Files.createDirectories(staging.resolve(EXTRA_MIGRATIONS));
            for (Migration m : extra) {
                Files.copy(extraMigrations.resolve(m.script()), target.resolve(m.script()));
            }
        }
        Files.writeString(staging.resolve(MANIFEST), artifact.toJson().encodePrettily());
        Files.move(staging, root.resolve(label), StandardCopyOption.ATOMIC_MOVE);
        return new Added(artifact, Outcome.STORED);
    }

    /** Copies the build under {@code .builds/<sha256>} unless an earlier label brought it already. */
    private void keepBuild(Path quarkusApp, String build) throws IOException {
        Path kept = root.resolve(BUILDS).resolve(build);
        if (Files.isDirectory(kept)) {
            return;
        }
        Path staging = Files.createTempDirectory(Files.createDirectories(root.resolve(BUILDS)), ".staging-");
        copyTree(quarkusApp, staging.resolve("quarkus-app"));
        try {
            Files.move(staging, kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another launcher command kept the same build meanwhile: same bytes, drop this copy
            try (Stream<Path> copied = Files.walk(staging)) {
                for (Path p : copied.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    public Optional<Artifact> find(String version) throws IOException {
        Path manifest = root.resolve(version).resolve(MANIFEST);
        if (!isSemver(version) || !Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        return Optional.of(Artifact.fromJson(new JsonObject(Files.readString(manifest))));
    }

    /** Every stored artifact, lowest version first. */
    public List<Artifact> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Artifact> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                find(dir.getFileName().toString()).ifPresent(all::add);
            }
        }
        all.sort(Comparator.comparing(a -> SemVer.of(a.version())));
        return all;
    }

    /** The stored version whose contents are exactly this build, if any. */
    public Optional<String> storedVersionOf(Path quarkusApp) throws IOException {
        String sha256 = ContentHash.of(quarkusApp);
        return list().stream().filter(a -> a.sha256().equals(sha256)).map(Artifact::version).findFirst();
    }

    /** The directory a slot runs: its build's {@code quarkus-app} ({@code <version>/quarkus-app} in an older store). */
    public Path appDirectory(Artifact artifact) {
        return artifact.build() == null ? root.resolve(artifact.version()).resolve("quarkus-app")
                : root.resolve(BUILDS).resolve(artifact.build()).resolve("quarkus-app");
    }

    /** The extra migrations the artifact was stored with (the directory may not exist: none). */
    public Path extraMigrations(Artifact artifact) {
        return root.resolve(artifact.version()).resolve(EXTRA_MIGRATIONS);
    }

    public static boolean isSemver(String version) {
        return SemVer.parse(version).isPresent();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

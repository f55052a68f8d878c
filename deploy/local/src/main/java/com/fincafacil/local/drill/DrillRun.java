package com.fincafacil.local.drill;

import com.fincafacil.local.PlatformLayout;
import com.fincafacil.local.artifact.Artifact;
import com.fincafacil.local.artifact.ArtifactStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** One drill on one platform: load, release, fault, rollback, then the checks. */
final class DrillRun {

    private final PlatformLayout layout;
    private final DrillHttp releases;
    private final DrillHttp control;
    private final PrintStream out;
    private final Instant deadline;
    private final String token;

    DrillRun(PlatformLayout layout, String token, PrintStream out, Duration timeout) {
        this.layout = layout;
        this.releases = new DrillHttp("http://127.0.0.1:" + layout.settings().port("release-service"), token);
        this.control = new DrillHttp("http://127.0.0.1:" + layout.settings().port("control"), token);
        this.out = out;
        this.deadline = Instant.now().plus(timeout);
        this.token = token;
    }

    /** {@code crashReleaseService}: kill release-service at each step of the release (see {@link ReleaseServiceCrashes}). */
    DrillReport drill(String fault, int concurrency, int rate, boolean crashReleaseService, Instant started) throws Exception {
        DrillReport.Builder report = new DrillReport.Builder(fault, started);
        ReleaseServiceCrashes crashes = crashReleaseService ? new ReleaseServiceCrashes(releases, control,
                "http://127.0.0.1:" + layout.settings().port("release-service"), out, deadline) : null;
        JsonObject traffic = control.get("/api/v1/traffic");
        String running = traffic.getString("version");
        ArtifactStore artifacts = new ArtifactStore(layout.artifacts());
        String version = DrillCommand.nextVersion(running, artifacts);
        report.version(version);
        Path migrations = migrations(lastMigrated(artifacts, artifacts.find(running)), version);
        try {
            artifacts.add(layout.serviceApp("farm-service"), version, migrations);
        } finally {
            // the store keeps its own copy of them
            com.fincafacil.platform.KafkaBroker.deleteTree(migrations);
        }
        writeChangelog(version);
        step("stored %s: the running build relabelled, with one more expand migration", version);

        DrillLoad load = DrillLoad.start("http://127.0.0.1:" + layout.settings().port("traffic"), token, concurrency, rate);
        JsonObject release;
        String id;
        String faultId = null;
        try {
            Thread.sleep(5_000); // sales before the switch: the revenue check compares with them
            step("farm apps writing: %d clients, %d animals a second each (register, weigh, sell)", concurrency, rate);
            try {
                release = releases.post("/api/v1/releases", new JsonObject().put("version", version).put("kind", "hotfix").put("drill", true)
                        .put("changes", new JsonArray().add(new JsonObject().put("title", "Go-live drill"))));
            } catch (DrillHttp.Refused e) {
                return report.cannotRun("release-service refused the drill's release: " + e.getMessage()
                        + (e.getMessage().contains("CHANGELOG") || e.getMessage().contains("changelog")
                        ? " (with --here, its changelog needs an entry ## [" + version + "])" : ""));
            }
            id = release.getString("id");
            releases.post("/api/v1/releases/" + id + "/acks", new JsonObject().put("item", "team_available").put("note", "go-live drill"));
            releases.post("/api/v1/releases/" + id + "/acks", new JsonObject().put("item", "users_told").put("note", "go-live drill"));
            if (crashes != null) {
                crashes.arm();
            }
            releases.post("/api/v1/releases/" + id + "/start", new JsonObject().put("reason", "go-live drill"));
            step("release %s started (%s)", version, id);
            release = crashes != null ? crashes.untilMonitoring(id)
                    : await(id, r -> List.of("MONITORING", "FAILED", "ROLLED_BACK", "COMPLETED").contains(r.getString("state")));
            if (crashes != null) {
                report.crashes(crashes.crashes(), crashes.failures());
            }
            if ("MONITORING".equals(release.getString("state"))) {
                // the fault comes a few seconds after the switch, so what clients saw of the switch itself stays apart
                Thread.sleep(3_000);
                if (crashes != null) {
                    // the restarts' CPU may have made the analysis decide meanwhile: let a rollback finish
                    release = await(id, r -> !"ROLLING_BACK".equals(r.getString("state")));
                }
            }
            // with crashes, a restart takes the CPU and farm apps sell less after the switch: the analysis
            // may rightly roll back on revenue before the fault; what the crashes prove still holds
            boolean rolledBackEarly = crashes != null && "ROLLED_BACK".equals(release.getString("state"))
                    && whyEnded(release).endsWith("(analysis)");
            if (!"MONITORING".equals(release.getString("state")) && !rolledBackEarly) {
                return report.cannotRun("the release ended " + release.getString("state") + " before the fault: " + whyEnded(release));
            }
            if (rolledBackEarly) {
                step("rolled back by the analysis before the fault: %s", whyEnded(release));
            } else {
                String slot = release.getJsonObject("run").getString("toSlot");
                faultId = control.post("/api/v1/faults", faultBody(fault, slot)).getString("id");
                step("switched to slot %s; fault %s (%s) injected there", slot, faultId, fault);
                if (crashes != null) {
                    // killed while the analysis watches the fault: the restarted service must watch on and roll back
                    crashes.crash("MONITORING");
                    report.crashes(crashes.crashes(), crashes.failures());
                }
                release = await(id, r -> List.of("FAILED", "ROLLED_BACK", "COMPLETED").contains(r.getString("state")));
            }
            step("release %s", release.getString("state"));
            Thread.sleep(3_000); // writes go on after the rollback too
        } finally {
            load.close();
            // only the drill's own fault: with --here an operator's may be in force too
            if (faultId != null) {
                try {
                    control.delete("/api/v1/faults/" + faultId);
                } catch (DrillHttp.Refused gone) {
                    // 404: it expired, or the rollback's stop thawed the frozen slot already
                    if (gone.status != 404) {
                        out.println("  (fault " + faultId + " could not be removed: " + gone.getMessage() + ")");
                    }
                } catch (Exception e) {
                    out.println("  (fault " + faultId + " could not be removed: " + e.getMessage() + ")");
                }
            }
        }
        report.release(release);
        List<DrillLoad.Write> writes = load.acknowledged();
        report.writes(writes);
        report.database(DrillChecks.database(farmJdbcUrl(), load.fincaId, writes));
        report.events(DrillChecks.events("127.0.0.1:" + layout.settings().port("kafka"), load.fincaId, writes, Duration.ofSeconds(15)));
        report.clients(load.samples());
        return report.build(Instant.now());
    }

    private static JsonObject faultBody(String fault, String slot) {
        JsonObject body = new JsonObject().put("slot", slot).put("durationSeconds", 600);
        return switch (fault) {
            case "freeze" -> body.put("kind", "freeze").put("durationSeconds", 60);
            case "revenue" -> body.put("kind", "abort").put("percentage", 100).put("status", 422).put("method", "POST").put("path", ".*/sale");
            case "latency" -> body.put("kind", "delay").put("percentage", 10).put("delayMs", 800);
            default -> body.put("kind", "abort").put("percentage", 100).put("status", 503);
        };
    }

    /**
     * The artifact whose migrations the farm database is at: the running one, unless a release
     * that was rolled back since left its expand migration there (the database keeps it, so the
     * next drill's build must carry it too, or Flyway refuses it).
     */
    private Optional<Artifact> lastMigrated(ArtifactStore artifacts, Optional<Artifact> running) throws Exception {
        Optional<String> applied = DrillChecks.appliedSchemaVersion(farmJdbcUrl());
        if (applied.isEmpty() || running.map(a -> a.schemaVersion().equals(applied.get())).orElse(false)) {
            return running;
        }
        return artifacts.list().stream().filter(a -> a.schemaVersion().equals(applied.get()))
                .reduce((first, later) -> later).or(() -> running);
    }

    private String farmJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + layout.settings().port("postgres") + "/farm";
    }

    /**
     * The extra migrations of the artifact the farm database is at (already applied: Flyway would
     * refuse a build without them) and one more expand migration after them.
     */
    private Path migrations(Optional<Artifact> base, String version) throws IOException {
        Path dir = Files.createTempDirectory("drill-migrations-");
        long next = 900;
        if (base.isPresent()) {
            Path extra = layout.artifacts().resolve(base.get().version()).resolve(ArtifactStore.EXTRA_MIGRATIONS);
            if (Files.isDirectory(extra)) {
                try (Stream<Path> files = Files.list(extra)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, dir.resolve(f.getFileName()));
                    }
                }
            }
            try {
                next = Math.max(next, (long) Math.floor(Double.parseDouble(base.get().schemaVersion())) + 1);
            } catch (NumberFormatException e) {
                // a dotted version: the default is above farm-service's own
            }
        }
        String table = "drill_marks_" + version.replaceAll("[^0-9A-Za-z]", "_");
        Files.writeString(dir.resolve("V" + next + "__go_live_drill.sql"),
                "-- the go-live drill's expand migration (" + version + ")\nCREATE TABLE IF NOT EXISTS " + table
                        + " (id UUID PRIMARY KEY, note TEXT);\n");
        return dir;
    }

    /** A scratch platform's release-service reads its own changelog: the drill version gets an entry there. */
    private void writeChangelog(String version) throws IOException {
        String file = layout.settings().value("release.changelog-file", null);
        if (file != null && Path.of(file).startsWith(layout.home())) {
            Files.writeString(Path.of(file), "# Changelog\n\n## [" + version + "]\n### Changed\n- Go-live drill\n");
        }
    }

    private JsonObject await(String id, Predicate<JsonObject> done) throws Exception {
        JsonObject r = releases.get("/api/v1/releases/" + id);
        while (!done.test(r)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the drill ran out of time with the release " + r.getString("state"));
            }
            Thread.sleep(500);
            r = releases.get("/api/v1/releases/" + id);
        }
        return r;
    }

    /** The reason of the rollback or failure that ended the release (its last step's when neither is there). */
    static String whyEnded(JsonObject release) {
        JsonArray timeline = release.getJsonArray("timeline", new JsonArray());
        for (int i = timeline.size() - 1; i >= 0; i--) {
            JsonObject entry = timeline.getJsonObject(i);
            if (List.of("ROLLING_BACK", "FAILED").contains(entry.getString("to"))) {
                return entry.getString("reason", "") + " (" + entry.getString("actor", "?") + ")";
            }
        }
        return lastReason(release);
    }

    static String lastReason(JsonObject release) {
        JsonArray timeline = release.getJsonArray("timeline", new JsonArray());
        return timeline.isEmpty() ? "" : timeline.getJsonObject(timeline.size() - 1).getString("reason", "");
    }

    private void step(String format, Object... args) {
        out.printf("  %s  %s%n", java.time.LocalTime.now().withNano(0), String.format(format, args));
    }
}

package com.fincafacil.release.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.domain.backup.Snapshot;
import com.fincafacil.release.domain.deployment.DeploymentTarget;
import com.fincafacil.release.domain.deployment.MigrationRun;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.release.repository.FarmSnapshots;
import com.fincafacil.release.repository.FlywayHistory;
import com.fincafacil.release.repository.ReleaseEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each step of a release does on the target and the farm database, returning the figures it
 * gathered. Every action is safe to run again after a crash (the target's verbs are idempotent,
 * a second backup is just another snapshot, validation only reads).
 */
@ApplicationScoped
public class StepActions {

    /** A step that cannot go on: the release fails with this reason. */
    public static final class StepFailed extends RuntimeException {
        public StepFailed(String message) {
            super(message);
        }
    }

    private final DeploymentTarget target;
    private final ReleaseConfig config;
    private final Changelog changelog;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StepActions(DeploymentTarget target, ReleaseConfig config, Changelog changelog, Clock clock, ObjectMapper json) {
        this.target = target;
        this.config = config;
        this.changelog = changelog;
        this.clock = clock;
        this.json = json;
    }

    /** Runs the step that reaches {@code next}; may set fields on {@code release} (slots, backup, monitoring end). */
    public Map<String, Object> run(ReleaseState next, ReleaseEntity release) throws Exception {
        return switch (next) {
            case CHECKED -> gates(release);
            case BACKED_UP -> backup(release);
            case MIGRATED -> migrate(release);
            case DEPLOYED -> Map.of("slot", release.toSlot, "state", target.deploy(release.toSlot, release.version, release.artifact).state());
            case VERIFIED -> smoke(release);
            case SWITCHED -> {
                target.switchTo(release.toSlot);
                yield Map.of("from", release.fromSlot, "to", release.toSlot);
            }
            case MONITORING -> {
                release.monitoringUntil = OffsetDateTime.now(clock).plus(config.monitoringWindow());
                yield Map.of("until", release.monitoringUntil.toString());
            }
            case COMPLETED -> Map.of("monitoredUntil", String.valueOf(release.monitoringUntil));
            default -> throw new IllegalStateException("no step reaches " + next);
        };
    }

    /** The automated pre-deployment checklist; the drill gate says "not run" until drills exist. */
    private Map<String, Object> gates(ReleaseEntity release) {
        Map<String, Object> gates = new LinkedHashMap<>();
        if (changelog.entry(release.version).isEmpty()) {
            throw new StepFailed("gate changelog: " + changelog.file() + " has no entry for " + release.version);
        }
        gates.put("changelog", "passed");
        SlotStatus current = target.slots().stream().filter(SlotStatus::active).findFirst()
                .orElseThrow(() -> new StepFailed("gate rollback path: no slot takes the traffic"));
        String active = current.slot();
        if (release.previousVersion != null && !release.previousVersion.equals(current.version())) {
            throw new StepFailed("gate running version: " + current.version() + " runs now, the release was planned against "
                    + release.previousVersion + "; plan again");
        }
        if (!current.ready()) {
            throw new StepFailed("gate rollback path: the running slot " + active + " is not ready");
        }
        gates.put("runningVersion", "passed");
        gates.put("rollbackPath", "passed");
        gates.put("lastDrill", "not run");
        release.fromSlot = active;
        release.toSlot = DeploymentTarget.otherSlot(active);
        return Map.of("gates", gates, "fromSlot", release.fromSlot, "toSlot", release.toSlot);
    }

    private Map<String, Object> backup(ReleaseEntity release) throws Exception {
        Path dir = Path.of(config.backupDirectory()).toAbsolutePath()
                .resolve(release.version + "-" + clock.instant().getEpochSecond());
        try (Connection farm = farmDatabase()) {
            Snapshot snapshot = FarmSnapshots.take(farm, dir);
            release.backupPath = dir.toString();
            Map<String, Object> rows = new LinkedHashMap<>();
            snapshot.tables().forEach(t -> rows.put(t.table(), t.rows()));
            return Map.of("path", dir.toString(), "sizeBytes", snapshot.sizeBytes(), "rows", snapshot.rows(),
                    "durationMs", snapshot.duration().toMillis(), "sha256", snapshot.sha256(),
                    "schemaVersion", snapshot.schemaVersion(), "tableRows", rows);
        }
    }

    private Map<String, Object> migrate(ReleaseEntity release) throws Exception {
        MigrationRun run = target.migrate(release.version, release.artifact);
        try (Connection farm = farmDatabase()) {
            long failed = FlywayHistory.failedMigrations(farm);
            if (failed > 0) {
                throw new StepFailed("validate: Flyway's history has " + failed + " failed migrations");
            }
            return Map.of("applied", run.applied(), "durationMs", run.duration().toMillis(),
                    "schemaVersion", FlywayHistory.schemaVersion(farm));
        }
    }

    /** Through the new slot's own address: ready, and running the release's version. */
    private Map<String, Object> smoke(ReleaseEntity release) throws Exception {
        SlotStatus slot = target.slots().stream().filter(s -> s.slot().equals(release.toSlot)).findFirst().orElseThrow();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(slot.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() != 200) {
            throw new StepFailed("smoke: " + slot.url() + "/q/health/ready answered " + ready.statusCode());
        }
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(slot.url() + "/q/health/live"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        String version = null;
        for (JsonNode check : json.readTree(live.body()).path("checks")) {
            if (check.path("data").has("version")) {
                version = check.path("data").path("version").asText();
            }
        }
        if (!release.version.equals(version)) {
            throw new StepFailed("smoke: slot " + release.toSlot + " says it runs " + version + ", not " + release.version);
        }
        return Map.of("slot", release.toSlot, "url", slot.url(), "ready", true, "version", version);
    }

    private Connection farmDatabase() throws SQLException {
        ReleaseConfig.FarmDatabase db = config.farmDatabase();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    /** A rollback: traffic back to the slot the release switched away from. */
    public void switchBack(ReleaseEntity release) {
        target.switchTo(release.fromSlot);
    }

    /** After completion and the rollback window: the previous version's slot is no longer needed. */
    public Map<String, Object> stopPrevious(ReleaseEntity release) {
        return Map.of("slot", release.fromSlot, "state", target.stop(release.fromSlot).state());
    }

    /** A release that failed before the switch: the new slot never took traffic and is stopped (best effort). */
    public void stopUnused(ReleaseEntity release) {
        if (release.toSlot != null) {
            try {
                target.stop(release.toSlot);
            } catch (RuntimeException e) {
                // the release has failed already; the slot stays for the operator to look at
            }
        }
    }

    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

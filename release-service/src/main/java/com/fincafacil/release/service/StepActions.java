package com.fincafacil.release.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.Gate;
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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private final MigrationClassifier classifier;
    private final Acknowledgements acknowledgements;
    private final MigrationValidation validation;
    private final ReleaseConfig config;
    private final Changelog changelog;
    private final Clock clock;
    private final ObjectMapper json;
    private final FarmConnections connections;
    private final Drills drills;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StepActions(DeploymentTarget target, MigrationClassifier classifier, Acknowledgements acknowledgements,
                       MigrationValidation validation, ReleaseConfig config, Changelog changelog, Clock clock, ObjectMapper json,
                       FarmConnections connections, Drills drills) {
        this.target = target;
        this.drills = drills;
        this.connections = connections;
        this.classifier = classifier;
        this.acknowledgements = acknowledgements;
        this.validation = validation;
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

    /**
     * The pre-deployment checklist, every gate evaluated and recorded on the release: a failing
     * gate fails the step, with all that failed at once. Picks the idle slot.
     */
    private Map<String, Object> gates(ReleaseEntity release) throws Exception {
        List<Gate> gates = new ArrayList<>();
        gates.add(changelog.entry(release.version).isPresent()
                ? Gate.passed("changelog", changelog.file() + " has an entry for " + release.version)
                : Gate.failed("changelog", changelog.file() + " has no entry for " + release.version));
        List<SlotStatus> slots = target.slots();
        Optional<SlotStatus> current = slots.stream().filter(SlotStatus::active).findFirst();
        Map<String, Object> figures = new LinkedHashMap<>();
        if (current.isEmpty()) {
            gates.add(Gate.failed("rollback_path", "no slot takes the traffic"));
        } else {
            SlotStatus active = current.get();
            gates.add(release.previousVersion == null || release.previousVersion.equals(active.version())
                    ? Gate.passed("running_version", active.version() + " runs in slot " + active.slot())
                    : Gate.failed("running_version", active.version() + " runs now, the release was planned against "
                    + release.previousVersion + "; plan again"));
            gates.add(active.ready()
                    ? Gate.passed("rollback_path", "slot " + active.slot() + " (" + active.version() + ") is ready to take traffic back")
                    : Gate.failed("rollback_path", "the running slot " + active.slot() + " is not ready"));
            release.fromSlot = active.slot();
            release.toSlot = DeploymentTarget.otherSlot(active.slot());
            SlotStatus idle = slots.stream().filter(s -> s.slot().equals(release.toSlot)).findFirst().orElseThrow();
            gates.add(migrations(release, active, idle, figures));
        }
        gates.add(services());
        gates.add(drills.gate(release));
        gates.addAll(acknowledgements.check(release.id));
        release.gates = new ArrayList<>(gates.stream().map(Gate::toMap).toList());
        if (gates.stream().anyMatch(Gate::failed)) {
            throw new StepFailed(Gate.failures(gates));
        }
        figures.put("gates", gates.stream().collect(java.util.stream.Collectors.toMap(Gate::name, g -> g.status().name(),
                (a, b) -> a, LinkedHashMap::new)));
        figures.put("fromSlot", release.fromSlot);
        figures.put("toSlot", release.toSlot);
        return figures;
    }

    /**
     * Expand only passes on its own; a mix never does; a contract needs an admin's approval and no
     * slot besides the active one still running a version on the old shape.
     */
    private Gate migrations(ReleaseEntity release, SlotStatus active, SlotStatus idle, Map<String, Object> figures)
            throws Exception {
        String runningVersion = active.version() != null ? active.version() : "running";
        MigrationClassifier.Classification c = classifier.classify(release.id, runningVersion,
                active.artifact() != null ? active.artifact() : runningVersion, release.version, release.artifact);
        release.migrationKind = c.verdict().name();
        release.targetSchemaVersion = c.targetSchemaVersion();
        figures.put("migrations", Map.of("verdict", c.verdict().name(), "targetSchemaVersion", c.targetSchemaVersion(),
                "changes", c.changes().stream().map(ch -> ch.effect() + " " + ch.object() + ": " + ch.reason()).toList(),
                "durationMs", c.duration().toMillis(), "runningSchema", c.runningRemembered() ? "remembered" : "migrated"));
        String summary = c.changes().isEmpty() ? "no schema change"
                : String.join("; ", c.changes().stream().map(ch -> ch.effect().name().toLowerCase() + " " + ch.object()).toList());
        return switch (c.verdict()) {
            case NONE, EXPAND -> Gate.passed("migrations", c.verdict().name().toLowerCase() + ": " + summary);
            case MIXED -> Gate.failed("migrations", "mixes expand and contract (" + summary
                    + "); release the expand first, the contract in a later release");
            case CONTRACT -> {
                List<String> missing = new ArrayList<>();
                if (release.approvedBy == null) {
                    missing.add("a contract migration needs an admin's approval (approve, then retry)");
                }
                if (!"stopped".equals(idle.state())) {
                    missing.add("slot " + idle.slot() + " still runs " + idle.version() + " on the old shape (stop it, then retry)");
                }
                yield missing.isEmpty() ? Gate.passed("migrations", "contract, approved by " + release.approvedBy + ": " + summary)
                        : Gate.failed("migrations", "contract (" + summary + "): " + String.join("; ", missing));
            }
        };
    }

    /** Every other service the platform names is ready. */
    private Gate services() {
        List<String> notReady = new ArrayList<>();
        config.services().forEach((name, url) -> {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    notReady.add(name + " answered " + status);
                }
            } catch (Exception e) {
                notReady.add(name + " did not answer");
            }
        });
        if (!notReady.isEmpty()) {
            return Gate.failed("services_ready", String.join(", ", notReady));
        }
        return Gate.passed("services_ready", config.services().isEmpty() ? "no other service configured"
                : String.join(", ", config.services().keySet()) + " ready");
    }

    private Map<String, Object> backup(ReleaseEntity release) throws Exception {
        Path dir = Path.of(config.backupDirectory()).toAbsolutePath()
                .resolve(release.version + "-" + clock.instant().getEpochSecond());
        try (Connection farm = connections.farm()) {
            Snapshot snapshot = FarmSnapshots.take(farm, dir);
            FarmSnapshots.verify(snapshot);
            release.backupPath = dir.toString();
            Map<String, Long> rows = new LinkedHashMap<>();
            snapshot.tables().forEach(t -> rows.put(t.table(), t.rows()));
            release.tableRows = rows;
            release.gates = new ArrayList<>(release.gates.stream().filter(g -> !"backup".equals(g.get("name"))).toList());
            release.gates.add(Gate.passed("backup", snapshot.tables().size() + " tables, " + snapshot.rows()
                    + " rows, every file matches its checksum").toMap());
            return Map.of("path", dir.toString(), "sizeBytes", snapshot.sizeBytes(), "rows", snapshot.rows(),
                    "durationMs", snapshot.duration().toMillis(), "sha256", snapshot.sha256(),
                    "schemaVersion", snapshot.schemaVersion(), "tableRows", rows, "verified", true);
        }
    }

    /** Migrate, then validate: Flyway's history, the row counts against the backup's, the release's own queries. */
    private Map<String, Object> migrate(ReleaseEntity release) throws Exception {
        MigrationRun run = target.migrate(release.version, release.artifact);
        try (Connection farm = connections.farm()) {
            long failed = FlywayHistory.failedMigrations(farm);
            if (failed > 0) {
                throw new StepFailed("validate: Flyway's history has " + failed + " failed migrations");
            }
            if (release.targetSchemaVersion != null && !FlywayHistory.applied(farm, release.targetSchemaVersion)) {
                throw new StepFailed("validate: Flyway's history does not show V" + release.targetSchemaVersion + " applied");
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("applied", run.applied());
            figures.put("durationMs", run.duration().toMillis());
            figures.put("schemaVersion", FlywayHistory.schemaVersion(farm));
            figures.put("rowCounts", validation.rowCounts(farm, release.tableRows));
            figures.put("validationQueries", validation.queries(farm, release.validationQueries));
            return figures;
        }
    }

    /**
     * Through the new slot's own address: ready, running the release's version, and serving one
     * farm read with the key the platform keeps for smoke tests (when it keeps one).
     */
    private Map<String, Object> smoke(ReleaseEntity release) throws Exception {
        SlotStatus slot = target.slots().stream().filter(s -> s.slot().equals(release.toSlot)).findFirst().orElseThrow();
        HttpResponse<String> ready = get(slot.url() + "/q/health/ready", Map.of());
        if (ready.statusCode() != 200) {
            throw new StepFailed("smoke: " + slot.url() + "/q/health/ready answered " + ready.statusCode());
        }
        String version = null;
        for (JsonNode check : json.readTree(get(slot.url() + "/q/health/live", Map.of()).body()).path("checks")) {
            if (check.path("data").has("version")) {
                version = check.path("data").path("version").asText();
            }
        }
        if (!release.version.equals(version)) {
            throw new StepFailed("smoke: slot " + release.toSlot + " says it runs " + version + ", not " + release.version);
        }
        Map<String, Object> figures = new LinkedHashMap<>(Map.of("slot", release.toSlot, "url", slot.url(), "ready", true, "version", version));
        Optional<Path> keyFile = config.smokeKeyFile().map(Path::of).filter(java.nio.file.Files::isRegularFile);
        if (keyFile.isEmpty()) {
            figures.put("farmRead", "no smoke key kept; not read");
            return figures;
        }
        JsonNode key = json.readTree(keyFile.get().toFile());
        String page = "/api/v1/fincas/" + key.path("fincaId").asText() + "/animals?size=1";
        HttpResponse<String> read = get(slot.url() + page, Map.of("X-API-Key", key.path("apiKey").asText()));
        if (read.statusCode() != 200 || !json.readTree(read.body()).isArray()) {
            throw new StepFailed("smoke: GET " + page + " with the smoke key answered " + read.statusCode());
        }
        figures.put("farmRead", "GET " + page + ": 200");
        return figures;
    }

    private HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

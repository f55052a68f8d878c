package com.fincafacil.release.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.domain.backup.PostSnapshotTable;
import com.fincafacil.release.domain.backup.Snapshot;
import com.fincafacil.release.domain.deployment.DeploymentTarget;
import com.fincafacil.release.domain.deployment.ScratchDatabases;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.release.domain.deployment.TargetRefusal;
import com.fincafacil.release.repository.DatabaseServer;
import com.fincafacil.release.repository.FarmSnapshots;
import com.fincafacil.release.repository.PostSnapshotRows;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.repository.ReleaseRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The snapshot path, for what a rollback cannot fix: a release's backup restored into a new farm
 * database, the failed one kept aside under {@code failed_v<version>_<time>}, and the slots sent
 * to the restored one by taking over the farm database's name (so neither target's configuration
 * changes). Rows written after the backup are carried over or, if the operator asked so, the
 * restore is refused while any exist; either way every table's count is reported and nothing an
 * app was told was stored is dropped silently.
 */
@ApplicationScoped
public class DisasterRestore {

    /** What to do with rows written after the backup. */
    public enum Mode {
        /** Carry them into the restored database. */
        REAPPLY,
        /** Refuse the restore while there are any, and list them. */
        REFUSE
    }

    private static final Logger LOG = Logger.getLogger(DisasterRestore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final ReleaseRepository releases;
    private final Timeline timeline;
    private final DeploymentTarget target;
    private final FarmConnections connections;
    private final Clock clock;
    /** One restore at a time: two would rename the same database. */
    private final AtomicBoolean running = new AtomicBoolean();

    public DisasterRestore(ReleaseRepository releases, Timeline timeline, DeploymentTarget target,
                           FarmConnections connections, Clock clock) {
        this.releases = releases;
        this.timeline = timeline;
        this.target = target;
        this.connections = connections;
        this.clock = clock;
    }

    /** Restores {@code id}'s backup; the answer is the report stored on the release. */
    public Map<String, Object> restore(UUID id, Mode mode, String by) {
        if (!running.compareAndSet(false, true)) {
            throw Refusal.conflict(null, "restore_running");
        }
        try {
            ReleaseEntity release = QuarkusTransaction.requiringNew().call(() -> restorable(id));
            Snapshot snapshot = snapshot(release);
            SlotStatus active = target.slots().stream().filter(SlotStatus::active).findFirst()
                    .orElseThrow(() -> Refusal.conflict(null, "no_active_slot"));
            Map<String, Object> report = run(release, snapshot, active, mode);
            return QuarkusTransaction.requiringNew().call(() -> {
                ReleaseEntity r = releases.findById(id);
                r.restoredAt = StepActions.now(clock);
                r.restoredBy = by;
                r.restoreReport = report;
                timeline.note(r, "restored", by, "disaster restore of the backup taken before " + r.version, report);
                return report;
            });
        } catch (TargetRefusal e) {
            throw RunningVersion.targetUnavailable(e);
        } finally {
            running.set(false);
        }
    }

    private ReleaseEntity restorable(UUID id) {
        ReleaseEntity release = releases.findById(id);
        if (release == null) {
            throw Refusal.notFound("release_not_found", "id", id);
        }
        if (release.state != ReleaseState.ROLLED_BACK && release.state != ReleaseState.FAILED) {
            throw Refusal.conflict(null, "release_state_refuses", Refusal.VARIANT, "restore", "version", release.version,
                    "state", release.state.name());
        }
        if (release.backupPath == null) {
            throw Refusal.conflict(null, "no_backup", "version", release.version);
        }
        if (release.restoredAt != null) {
            throw Refusal.conflict(null, "backup_already_restored", "version", release.version, "restoredAt", release.restoredAt,
                    "restoredBy", release.restoredBy);
        }
        if (!releases.unfinished().isEmpty()) {
            throw Refusal.conflict(null, "another_release_running", Refusal.VARIANT, "restore");
        }
        return release;
    }

    private static Snapshot snapshot(ReleaseEntity release) {
        try {
            Snapshot snapshot = FarmSnapshots.read(Path.of(release.backupPath));
            FarmSnapshots.verify(snapshot);
            return snapshot;
        } catch (IOException e) {
            throw Refusal.conflict(null, "backup_unusable", "version", release.version, "reason", e.getMessage());
        }
    }

    private Map<String, Object> run(ReleaseEntity release, Snapshot snapshot, SlotStatus active, Mode mode) {
        long started = System.nanoTime();
        String farm = connections.farmDatabaseName();
        String restored = ScratchDatabases.name(release.id, "restore");
        String failed = failedName(release.version);
        try (Connection maintenance = connections.connect("postgres")) {
            DatabaseServer server = new DatabaseServer(maintenance);
            server.drop(restored);
            server.create(restored);
            boolean swapped = false;
            try {
                // the running version's own migrations give the schema the snapshot was taken at
                target.migrate(active.version(), active.artifact() != null ? active.artifact() : active.version(), restored);
                try (Connection r = connections.connect(restored)) {
                    FarmSnapshots.restore(snapshot, r);
                }
                if (mode == Mode.REFUSE) {
                    refuseIfWritten(farm, restored, snapshot, release.version);
                }
                long frozen = System.nanoTime();
                server.rename(farm, failed);
                swapped = true;
                List<PostSnapshotTable> tables;
                try (Connection f = connections.connect(failed); Connection r = connections.connect(restored)) {
                    tables = PostSnapshotRows.carryOver(f, r, snapshot.takenAt(), false);
                }
                server.rename(restored, farm);
                long back = System.nanoTime();
                LOG.infof("restored the backup taken before %s; the failed database is kept as %s", release.version, failed);
                return report(snapshot, failed, active, tables, Duration.ofNanos(back - frozen), Duration.ofNanos(back - started), mode);
            } catch (SQLException | IOException | RuntimeException e) {
                if (swapped && !server.exists(farm)) {
                    // put the farm database back where it was: a half-done restore must not leave the slots with none
                    server.rename(failed, farm);
                }
                server.drop(restored);
                if (e instanceof RuntimeException refusal) {
                    throw refusal;
                }
                throw Refusal.of(Refusal.Kind.FAILED, null, "restore_failed", "reason", e.getMessage());
            }
        } catch (SQLException e) {
            throw Refusal.of(Refusal.Kind.UNAVAILABLE, null, "farm_database_unavailable", "reason", e.getMessage());
        }
    }

    /** REFUSE: rows written after the backup, looked at without stopping the slots, stop the restore (409, listed). */
    private void refuseIfWritten(String farm, String restored, Snapshot snapshot, String version) throws SQLException, IOException {
        List<PostSnapshotTable> tables;
        try (Connection f = connections.connect(farm); Connection r = connections.connect(restored)) {
            tables = PostSnapshotRows.carryOver(f, r, snapshot.takenAt(), true);
        }
        List<Refusal.Reason> written = tables.stream().filter(t -> t.written() > 0)
                .map(t -> new Refusal.Reason(t.table(), "rows_written_after_backup",
                        Refusal.facts("inserted", t.inserted(), "updated", t.updated()))).toList();
        if (!written.isEmpty()) {
            try (Connection maintenance = connections.connect("postgres")) {
                new DatabaseServer(maintenance).drop(restored);
            }
            throw new Refusal(Refusal.Kind.CONFLICT, "rows_written_after_backup", written)
                    .summarized("restore_refused", "version", version);
        }
    }

    private static Map<String, Object> report(Snapshot snapshot, String failed, SlotStatus active, List<PostSnapshotTable> tables,
                                              Duration farmDown, Duration total, Mode mode) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", mode.name().toLowerCase(Locale.ROOT));
        report.put("snapshotTakenAt", snapshot.takenAt().toString());
        report.put("schemaVersion", snapshot.schemaVersion());
        report.put("failedDatabase", failed);
        report.put("runningVersion", active.version());
        report.put("farmUnavailableMs", farmDown.toMillis());
        report.put("durationMs", total.toMillis());
        report.put("rowsCarriedOver", tables.stream().mapToLong(PostSnapshotTable::written).sum());
        report.put("rowsKeptInFailedDatabase", tables.stream().mapToLong(t -> t.changedKept() + t.removedKept()).sum());
        List<Map<String, Object>> perTable = new ArrayList<>();
        for (PostSnapshotTable t : tables) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", t.table());
            row.put("inserted", t.inserted());
            row.put("updated", t.updated());
            row.put("changedKept", t.changedKept());
            row.put("removedKept", t.removedKept());
            if (!t.sampleKeys().isEmpty()) {
                row.put("sampleKeys", t.sampleKeys());
            }
            if (t.note() != null) {
                row.put("note", t.note());
            }
            perTable.add(row);
        }
        report.put("tables", perTable);
        return report;
    }

    /** {@code failed_v1_1_0_20261130_051500}: database names cannot hold dots, and stay under 63 characters. */
    private String failedName(String version) {
        String name = "failed_v" + version.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_" + STAMP.format(clock.instant());
        return name.length() <= 63 ? name : name.substring(0, 47) + "_" + STAMP.format(clock.instant());
    }
}

package com.fincafacil.release.service;

import com.fincafacil.release.domain.deployment.DeploymentTarget;
import com.fincafacil.release.domain.deployment.ScratchDatabases;
import com.fincafacil.release.domain.schema.SchemaChange;
import com.fincafacil.release.domain.schema.SchemaDiff;
import com.fincafacil.release.repository.CatalogReader;
import com.fincafacil.release.repository.DatabaseServer;
import com.fincafacil.release.repository.FlywayHistory;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Classifies what a release's migrations do by their effect, not their text: two scratch
 * databases on the farm database's server, one migrated by the running version's artifact and one
 * by the release's (each through the target's own migrate verb, so exactly what the real migration
 * would run), and their catalogs compared. The scratch databases are dropped afterwards. What an
 * unchanging artifact builds is remembered ({@link SchemaCatalogs}), so the running version's side
 * is usually the previous release's and only the release's own database is migrated.
 */
@ApplicationScoped
public class MigrationClassifier {

    /**
     * The verdict, every schema difference, the Flyway version the release's artifact ends at, how
     * long it took, and whether the running version's schema was remembered rather than migrated.
     */
    public record Classification(SchemaDiff.Verdict verdict, List<SchemaChange> changes, String targetSchemaVersion,
                                 Duration duration, boolean runningRemembered) {
    }

    private final DeploymentTarget target;
    private final FarmConnections connections;
    private final SchemaCatalogs catalogs;

    public MigrationClassifier(DeploymentTarget target, FarmConnections connections, SchemaCatalogs catalogs) {
        this.target = target;
        this.connections = connections;
        this.catalogs = catalogs;
    }

    public Classification classify(UUID releaseId, String runningVersion, String runningArtifact,
                                   String version, String artifact) throws SQLException {
        long started = System.nanoTime();
        Optional<SchemaCatalogs.Migrated> remembered = catalogs.of(runningArtifact);
        SchemaCatalogs.Migrated before = remembered.isPresent() ? remembered.get()
                : migrated(ScratchDatabases.name(releaseId, "running"), runningVersion, runningArtifact);
        SchemaCatalogs.Migrated after = migrated(ScratchDatabases.name(releaseId, "target"), version, artifact);
        List<SchemaChange> changes = SchemaDiff.between(before.catalog(), after.catalog());
        return new Classification(SchemaDiff.verdict(changes), changes, after.schemaVersion(),
                Duration.ofNanos(System.nanoTime() - started), remembered.isPresent());
    }

    /** Migrates a fresh scratch database with {@code artifact}, reads what it built, and drops it. */
    private SchemaCatalogs.Migrated migrated(String database, String version, String artifact) throws SQLException {
        try (Connection maintenance = connections.connect("postgres")) {
            DatabaseServer server = new DatabaseServer(maintenance);
            server.drop(database);
            server.create(database);
            try {
                target.migrate(version, artifact, database);
                SchemaCatalogs.Migrated migrated;
                try (Connection c = connections.connect(database)) {
                    migrated = new SchemaCatalogs.Migrated(CatalogReader.read(c, "public"), FlywayHistory.schemaVersion(c));
                }
                if (target.immutable(artifact)) {
                    catalogs.remember(artifact, migrated);
                }
                return migrated;
            } finally {
                server.drop(database);
            }
        }
    }
}

package com.fincafacil.release.service;

import com.fincafacil.release.domain.deployment.DeploymentTarget;
import com.fincafacil.release.domain.deployment.ScratchDatabases;
import com.fincafacil.release.domain.schema.Catalog;
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
import java.util.UUID;

/**
 * Classifies what a release's migrations do by their effect, not their text: two scratch
 * databases on the farm database's server, one migrated by the running version's artifact and one
 * by the release's (each through the target's own migrate verb, so exactly what the real migration
 * would run), and their catalogs compared. The scratch databases are dropped afterwards.
 */
@ApplicationScoped
public class MigrationClassifier {

    /** The verdict, every schema difference, the Flyway version the release's artifact ends at, and how long it took. */
    public record Classification(SchemaDiff.Verdict verdict, List<SchemaChange> changes, String targetSchemaVersion,
                                 Duration duration) {
    }

    private final DeploymentTarget target;
    private final FarmConnections connections;

    public MigrationClassifier(DeploymentTarget target, FarmConnections connections) {
        this.target = target;
        this.connections = connections;
    }

    public Classification classify(UUID releaseId, String runningVersion, String runningArtifact,
                                   String version, String artifact) throws SQLException {
        long started = System.nanoTime();
        String running = ScratchDatabases.name(releaseId, "running");
        String next = ScratchDatabases.name(releaseId, "target");
        try (Connection maintenance = connections.connect("postgres")) {
            DatabaseServer server = new DatabaseServer(maintenance);
            recreate(server, running);
            recreate(server, next);
            try {
                target.migrate(runningVersion, runningArtifact, running);
                target.migrate(version, artifact, next);
                Catalog before;
                Catalog after;
                String schemaVersion;
                try (Connection a = connections.connect(running); Connection b = connections.connect(next)) {
                    before = CatalogReader.read(a, "public");
                    after = CatalogReader.read(b, "public");
                    schemaVersion = FlywayHistory.schemaVersion(b);
                }
                List<SchemaChange> changes = SchemaDiff.between(before, after);
                return new Classification(SchemaDiff.verdict(changes), changes, schemaVersion,
                        Duration.ofNanos(System.nanoTime() - started));
            } finally {
                server.drop(running);
                server.drop(next);
            }
        }
    }

    private static void recreate(DatabaseServer server, String database) throws SQLException {
        server.drop(database);
        server.create(database);
    }
}

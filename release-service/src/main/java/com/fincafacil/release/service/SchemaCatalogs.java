package com.fincafacil.release.service;

import com.fincafacil.release.domain.schema.Catalog;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas artifacts migrate an empty database to, remembered by artifact: the running
 * version's schema is the previous release's target, so a classification migrates one scratch
 * database instead of two (one JVM start less per release). Only artifacts the target says never
 * change are remembered; the cache is small and lost on restart, which costs only that migration.
 */
@ApplicationScoped
public class SchemaCatalogs {

    /** What an artifact's migrations build: the catalog and the Flyway version they end at. */
    public record Migrated(Catalog catalog, String schemaVersion) {
    }

    private static final int KEPT = 32;

    private final Map<String, Migrated> byArtifact = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Migrated> eldest) {
            return size() > KEPT;
        }
    };

    public synchronized Optional<Migrated> of(String artifact) {
        return Optional.ofNullable(byArtifact.get(artifact));
    }

    public synchronized void remember(String artifact, Migrated migrated) {
        byArtifact.put(artifact, migrated);
    }
}

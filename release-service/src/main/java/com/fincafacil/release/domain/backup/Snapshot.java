package com.fincafacil.release.domain.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A consistent copy of a database at one instant: each table's rows in PostgreSQL's binary COPY
 * format, with row counts and checksums, and the Flyway version its schema was at (a restore
 * needs a schema at that version first).
 */
public record Snapshot(Path directory, Instant takenAt, String schemaVersion, List<TableCopy> tables,
                       long sizeBytes, Duration duration, String sha256) {

    /** One table: its name, how many rows, its file and that file's SHA-256. */
    public record TableCopy(String table, long rows, String file, String sha256) {
    }

    public long rows() {
        return tables.stream().mapToLong(TableCopy::rows).sum();
    }
}

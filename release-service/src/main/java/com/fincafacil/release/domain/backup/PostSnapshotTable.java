package com.fincafacil.release.domain.backup;

import java.util.List;

/**
 * What one table of the failed database holds beyond a restored snapshot: rows inserted after it
 * ({@code inserted}), rows written after it ({@code updated}: a timestamp column later than the
 * snapshot), rows that differ with no such timestamp ({@code changedKept}: possibly changed by the
 * failed migration itself, so left in the failed database and listed), and rows gone since
 * ({@code removedKept}, such as published outbox events). {@code sampleKeys} names a few of the
 * rows that were not re-applied, for an operator to look at.
 */
public record PostSnapshotTable(String table, long inserted, long updated, long changedKept, long removedKept,
                                List<String> sampleKeys, String note) {

    /** Rows written after the snapshot: what a restore must carry over or refuse. */
    public long written() {
        return inserted + updated;
    }

    /** A table the restored schema does not have (created by the failed release): its rows stay where they are. */
    public static PostSnapshotTable onlyInFailed(String table, long rows) {
        return new PostSnapshotTable(table, 0, 0, rows, 0, List.of(),
                "only in the failed database (created by the release): its " + rows + " rows stay there");
    }
}

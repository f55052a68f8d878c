package com.fincafacil.farm.service;

import com.fincafacil.farm.repository.ChangeRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps the change feed (migration V5) from growing with every update: an animal weighed daily
 * would otherwise add a row a day forever. Changes a later change of the same row makes redundant
 * are deleted, so the feed holds at most one row per animal and alert, and one per event. A phone
 * at any cursor still gets every row changed after it, in its current state.
 */
@ApplicationScoped
public class ChangeFeedCompaction {

    private static final Logger LOG = Logger.getLogger(ChangeFeedCompaction.class);
    /** Rows deleted per transaction: short transactions, so the feed's readers never wait long. */
    static final int BATCH = 5_000;

    private final ChangeRepository changes;

    public ChangeFeedCompaction(ChangeRepository changes) {
        this.changes = changes;
    }

    @Scheduled(every = "${fincafacil.farm.changes-compaction-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int deleted = compact();
            if (deleted > 0) {
                LOG.infof("change feed compacted: %d redundant changes deleted", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("change feed compaction failed, will retry: %s", e.getMessage());
        }
    }

    /** Deletes every redundant change, a batch per transaction; returns how many. */
    public int compact() {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> changes.compact(BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}

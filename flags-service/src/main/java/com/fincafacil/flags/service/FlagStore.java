package com.fincafacil.flags.service;

import com.fincafacil.flags.domain.AlertFlag;
import com.fincafacil.flags.domain.Flag;
import com.fincafacil.flags.domain.FlagSet;
import com.fincafacil.flags.domain.PhaseFlag;
import com.fincafacil.flags.repository.FlagEntity;
import com.fincafacil.flags.repository.FlagRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds the current {@link FlagSnapshot}. It reloads after every committed change here and on a
 * short interval, so changes made through another replica show up too.
 */
@ApplicationScoped
public class FlagStore {

    private static final Logger LOG = Logger.getLogger(FlagStore.class);

    private final FlagRepository flags;
    private volatile FlagSnapshot snapshot = FlagSnapshot.empty();

    public FlagStore(FlagRepository flags) {
        this.flags = flags;
    }

    public FlagSnapshot current() {
        return snapshot;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) FlagsChanged change) {
        reload();
    }

    @Scheduled(every = "${fincafacil.flags.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warnf("flag snapshot not refreshed, keeping the last one: %s", e.getMessage());
        }
    }

    public synchronized void reload() {
        List<FlagEntity> rows = QuarkusTransaction.requiringNew().call(flags::inFileOrder);
        List<PhaseFlag> phases = new ArrayList<>();
        List<AlertFlag> alerts = new ArrayList<>();
        StringBuilder revision = new StringBuilder();
        for (FlagEntity row : rows) {
            Flag flag = row.toDomain();
            if (flag instanceof PhaseFlag phase) {
                phases.add(phase);
            } else if (flag instanceof AlertFlag alert) {
                alerts.add(alert);
            }
            // the update time too: a flag deleted and created again starts over at version 1
            revision.append(row.key).append('@').append(row.version).append('@').append(row.updatedAt.toInstant().toEpochMilli()).append(';');
        }
        snapshot = new FlagSnapshot(FlagSet.of(phases, alerts), Long.toHexString(murmur(revision.toString())));
    }

    private static long murmur(String text) {
        return org.apache.commons.codec.digest.MurmurHash3.hash128x64(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))[0];
    }
}

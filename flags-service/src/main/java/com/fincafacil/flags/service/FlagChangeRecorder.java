package com.fincafacil.flags.service;

import com.fincafacil.flags.domain.Flag;
import com.fincafacil.flags.messaging.FlagChangePublisher;
import com.fincafacil.flags.repository.AuditEntry;
import com.fincafacil.flags.repository.AuditRepository;
import com.fincafacil.flags.repository.FlagEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Every change goes through here, in the caller's transaction: bump the version, write the audit
 * entry, record the change event, and have the snapshot reload after commit.
 */
@ApplicationScoped
public class FlagChangeRecorder {

    private final AuditRepository audit;
    private final FlagChangePublisher publisher;
    private final Event<FlagsChanged> changed;

    public FlagChangeRecorder(AuditRepository audit, FlagChangePublisher publisher, Event<FlagsChanged> changed) {
        this.audit = audit;
        this.publisher = publisher;
        this.changed = changed;
    }

    public void created(FlagEntity row, Flag after, String actor, String reason) {
        record("created", row, null, after, actor, reason);
    }

    public void updated(String action, FlagEntity row, Flag before, Flag after, String actor, String reason) {
        row.version++;
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        record(action, row, before, after, actor, reason);
    }

    public void deleted(FlagEntity row, Flag before, String actor, String reason) {
        record("deleted", row, before, null, actor, reason);
    }

    private void record(String action, FlagEntity row, Flag before, Flag after, String actor, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.flagKey = row.key;
        entry.action = action;
        entry.actor = actor;
        entry.at = OffsetDateTime.now(ZoneOffset.UTC);
        entry.reason = reason;
        entry.before = FlagJson.text(before);
        entry.after = FlagJson.text(after);
        audit.persist(entry);
        String type = switch (action) {
            case "created" -> "flag.created";
            case "deleted" -> "flag.deleted";
            default -> "flag.updated";
        };
        publisher.publish(type, row.key, before, after, row.version, actor, reason);
        changed.fire(new FlagsChanged(row.key));
    }
}

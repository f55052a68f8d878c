package com.fincafacil.release.service;

import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.messaging.ReleaseEvents;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.repository.TransitionEntity;
import com.fincafacil.release.repository.TransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Writes a release's timeline: the new state on the release, the entry (who, why, figures) and its
 * event, in the caller's transaction, so all three commit together or not at all.
 */
@ApplicationScoped
public class Timeline {

    private static final Logger LOG = Logger.getLogger(Timeline.class);

    private final TransitionRepository transitions;
    private final ReleaseEvents events;

    public Timeline(TransitionRepository transitions, ReleaseEvents events) {
        this.transitions = transitions;
        this.events = events;
    }

    /** The first entry: a release that did not exist is planned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planned(ReleaseEntity release, String actor, Map<String, Object> figures) {
        write(release, null, ReleaseState.PLANNED, actor, "planned", figures, "planned");
    }

    /** From the release's current state to {@code to}; the event is {@code release.<to>}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ReleaseEntity release, ReleaseState to, String actor, String reason, Map<String, Object> figures) {
        write(release, release.state, to, actor, reason, figures, to.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** A FAILED release taken back to the state before its failed step; the event is {@code release.retried}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retried(ReleaseEntity release, ReleaseState to, String actor, String reason, Map<String, Object> figures) {
        write(release, release.state, to, actor, reason, figures, "retried");
    }

    /** An entry that keeps the state (an approval, a start, a promotion); the event is {@code release.<event>}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void note(ReleaseEntity release, String event, String actor, String reason, Map<String, Object> figures) {
        write(release, release.state, release.state, actor, reason, figures, event);
    }

    private void write(ReleaseEntity release, ReleaseState from, ReleaseState to, String actor, String reason,
                       Map<String, Object> figures, String event) {
        TransitionEntity t = new TransitionEntity();
        t.releaseId = release.id;
        t.from = from;
        t.to = to;
        t.at = OffsetDateTime.now(ZoneOffset.UTC);
        t.actor = actor;
        t.reason = reason;
        t.figures = figures;
        release.state = to;
        transitions.persist(t);
        events.publish(release, t, event);
        // the service's log follows a release step by step, with who moved it and why
        LOG.infof("release %s: %s -> %s (%s by %s) %s", release.version, from, to, event, actor, reason);
    }
}

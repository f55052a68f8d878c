package com.fincafacil.release.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.domain.ReleaseSteps;
import com.fincafacil.release.domain.deployment.TargetRefusal;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.repository.ReleaseRepository;
import com.fincafacil.release.repository.TransitionEntity;
import com.fincafacil.release.repository.TransitionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs releases: one thread walks a started release through its steps. Each state is persisted
 * (with its timeline entry and event) before the next step acts, every step is safe to run again,
 * so a restarted service resumes each unfinished release from its persisted state.
 */
@ApplicationScoped
public class ReleaseRunner {

    private static final Logger LOG = Logger.getLogger(ReleaseRunner.class);
    private static final String SELF = "release-service";
    private static final String PREVIOUS_STOPPED = "previous slot stopped after the rollback window";

    private final ReleaseRepository releases;
    private final TransitionRepository transitions;
    private final Timeline timeline;
    private final StartCheck startCheck;
    private final StepActions actions;
    private final RunnerFaults faults;
    private final Analysis analysis;
    private final com.fincafacil.release.config.ReleaseConfig config;
    private final Clock clock;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "release-runner");
        t.setDaemon(true);
        return t;
    });

    public ReleaseRunner(ReleaseRepository releases, TransitionRepository transitions, Timeline timeline, StartCheck startCheck, StepActions actions, RunnerFaults faults, Analysis analysis,
                         com.fincafacil.release.config.ReleaseConfig config, Clock clock) {
        this.releases = releases;
        this.transitions = transitions;
        this.timeline = timeline;
        this.startCheck = startCheck;
        this.actions = actions;
        this.faults = faults;
        this.analysis = analysis;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        resumeUnfinished();
    }

    /**
     * What a restart does: every started, unfinished release goes back to the runner from its
     * persisted state, and a completed release whose previous slot was not stopped yet gets its
     * stop scheduled for the rest of its rollback window.
     */
    public void resumeUnfinished() {
        List<UUID> unfinished = QuarkusTransaction.requiringNew().call(() -> releases.unfinished().stream().map(r -> r.id).toList());
        unfinished.forEach(id -> {
            LOG.infof("resuming release %s", id);
            submit(id);
        });
        // only the latest release's previous slot: a later release may be using that slot now
        QuarkusTransaction.requiringNew().run(() -> releases.lastStarted()
                .filter(release -> release.state == ReleaseState.COMPLETED).ifPresent(release -> {
            List<TransitionEntity> entries = transitions.timeline(release.id);
            if (entries.stream().noneMatch(t -> PREVIOUS_STOPPED.equals(t.reason))) {
                OffsetDateTime completedAt = entries.get(entries.size() - 1).at;
                long wait = Math.max(0, Duration.between(StepActions.now(clock), completedAt.plus(config.rollbackWindow())).toMillis());
                UUID id = release.id;
                runner.schedule(() -> stopPrevious(id), wait, TimeUnit.MILLISECONDS);
            }
        }));
    }

    void onStop(@Observes ShutdownEvent event) {
        runner.shutdownNow();
    }

    /**
     * Starts a planned release if the governance rules allow it now (every refusal at once, 422)
     * and no other release runs (409). {@code reason}: a hotfix's, needed outside the window.
     */
    @Transactional
    public ReleaseEntity start(UUID id, String by, String reason) {
        ReleaseEntity release = find(id);
        if (release.state != ReleaseState.PLANNED || release.startedAt != null) {
            throw notNow(release, "start", "Release " + release.version + " is " + release.state + "; only a planned release starts.");
        }
        StartCheck.Answer check = startCheck.check(release, reason);
        if (!check.mayStart()) {
            List<Refusal.Reason> reasons = check.refusals().stream().map(r -> {
                Map<String, Object> facts = new java.util.HashMap<>(r.facts());
                facts.put("detail", r.reason());
                return new Refusal.Reason(r.field(), r.code(), facts);
            }).toList();
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "release_cannot_start", reasons)
                    .summarized("release_cannot_start", "version", release.version);
        }
        release.startedAt = StepActions.now(clock);
        release.startedBy = by;
        release.hotfixReason = check.bypassesWindow() ? reason : null;
        timeline.note(release, "started", by, check.bypassesWindow()
                ? "started outside the deployment window (hotfix): " + reason : "started", Map.of("bypassesWindow", check.bypassesWindow()));
        try {
            releases.flush();
        } catch (PersistenceException e) {
            throw Refusal.conflict(null, "another_release_running", "detail", "Another release is running; one release runs at a time.");
        }
        return release;
    }

    /** Ends monitoring now instead of at the end of the window. */
    @Transactional
    public ReleaseEntity promote(UUID id, String by) {
        ReleaseEntity release = find(id);
        if (release.state != ReleaseState.MONITORING) {
            throw notNow(release, "promote", "Release " + release.version + " is " + release.state + "; only a release in MONITORING is promoted.");
        }
        release.monitoringUntil = StepActions.now(clock);
        timeline.note(release, "promoted", by, "promoted", Map.of());
        return release;
    }

    /** Stops a release before its switch: traffic never moved; migrations already applied (expand only) stay. */
    @Transactional
    public ReleaseEntity abort(UUID id, String by) {
        ReleaseEntity release = started(id);
        if (!ReleaseSteps.beforeSwitch(release.state)) {
            throw notNow(release, "abort", "Release " + release.version + " is " + release.state
                    + "; only a release before its switch is aborted (after it, roll back).");
        }
        boolean migrated = ReleaseSteps.HAPPY_PATH.indexOf(release.state) >= ReleaseSteps.HAPPY_PATH.indexOf(ReleaseState.MIGRATED);
        timeline.record(release, ReleaseState.FAILED, by, "aborted by " + by + (migrated
                ? "; the applied migrations stay (expand only: the running version works on them)" : ""),
                Map.of("trafficMoved", false, "migrationsStay", migrated, "aborted", true));
        return release;
    }

    /**
     * Runs a FAILED release's failed step again (after its cause was fixed: an approval given, a
     * slot stopped, the database back): the release goes back to the state it failed from. Not
     * after an abort (plan again). 409 while another release runs.
     */
    @Transactional
    public ReleaseEntity retry(UUID id, String by) {
        ReleaseEntity release = started(id);
        TransitionEntity failure = release.state != ReleaseState.FAILED ? null : transitions.timeline(id).stream()
                .filter(t -> t.to == ReleaseState.FAILED && t.from != ReleaseState.FAILED).reduce((a, b) -> b).orElse(null);
        if (failure == null) {
            throw notNow(release, "retry", "Release " + release.version + " is " + release.state + "; only a FAILED release is retried.");
        }
        if (failure.figures != null && Boolean.TRUE.equals(failure.figures.get("aborted"))) {
            throw notNow(release, "retry_aborted", "Release " + release.version + " was aborted; plan a new release instead.");
        }
        String step = ReleaseSteps.next(failure.from).map(Enum::name).orElse(failure.from.name());
        timeline.retried(release, failure.from, by, "retry of step " + step + " asked by " + by, Map.of("step", step));
        try {
            releases.flush();
        } catch (PersistenceException e) {
            throw Refusal.conflict(null, "another_release_running", "detail", "Another release is running; one release runs at a time.");
        }
        return release;
    }

    /** Sends traffic back to the previous slot: after the switch, and until the previous slot is stopped. */
    @Transactional
    public ReleaseEntity rollback(UUID id, String by) {
        ReleaseEntity release = started(id);
        boolean switched = release.state == ReleaseState.SWITCHED || release.state == ReleaseState.MONITORING
                || release.state == ReleaseState.COMPLETED;
        if (!switched) {
            throw notNow(release, "rollback", "Release " + release.version + " is " + release.state
                    + "; only a switched release rolls back (before the switch, abort it).");
        }
        timeline.record(release, ReleaseState.ROLLING_BACK, by, "rollback asked by " + by, Map.of("to", release.fromSlot));
        return release;
    }

    private ReleaseEntity find(UUID id) {
        ReleaseEntity release = releases.findById(id);
        if (release == null) {
            throw Refusal.notFound("release_not_found", "id", id, "detail", "No release " + id + ".");
        }
        return release;
    }

    private ReleaseEntity started(UUID id) {
        ReleaseEntity release = find(id);
        if (release.startedAt == null) {
            throw notNow(release, "not_started", "Release " + release.version + " has not started.");
        }
        return release;
    }

    /** After an abort: the runner stops the new slot once the step it may be running has finished. */
    public void cleanUpAfterAbort(UUID id) {
        runner.execute(() -> actions.stopUnused(QuarkusTransaction.requiringNew().call(() -> releases.findById(id))));
    }

    /** Hands a started release to the runner thread (after the start committed). */
    public void submit(UUID id) {
        runner.execute(() -> drive(id));
    }

    private void drive(UUID id) {
        Analysis.Session watching = null;
        while (!Thread.currentThread().isInterrupted()) {
            ReleaseEntity release = QuarkusTransaction.requiringNew().call(() -> releases.findById(id));
            if (release == null || ReleaseSteps.ended(release.state)) {
                return;
            }
            if (release.state == ReleaseState.ROLLING_BACK) {
                rollBack(release);
                return;
            }
            if (release.state == ReleaseState.MONITORING && StepActions.now(clock).isBefore(release.monitoringUntil)) {
                watching = watching != null ? watching : analysis.begin(release);
                Optional<Analysis.Trigger> trigger = analysis.measure(watching, release);
                faults.measured(id);
                if (trigger.isPresent()) {
                    rollBackAutomatically(id, trigger.get(), analysis.observed(watching));
                    continue;
                }
                pause(Math.min(analysis.interval().toMillis(),
                        Duration.between(StepActions.now(clock), release.monitoringUntil).toMillis()));
                continue;
            }
            ReleaseState next = ReleaseSteps.next(release.state).orElseThrow();
            Map<String, Object> figures;
            long t0 = System.nanoTime();
            try {
                figures = new LinkedHashMap<>(actions.run(next, release));
            } catch (Exception e) {
                fail(release, e);
                return;
            }
            figures.put("stepMs", (System.nanoTime() - t0) / 1_000_000);
            // the deployment report's figures: the running version's just before the switch, the new one's once watched
            Map<String, Object> observed = next == ReleaseState.VERIFIED ? analysis.observedSoFar(release.fromSlot)
                    : next == ReleaseState.COMPLETED && watching != null ? analysis.observed(watching) : Map.of();
            if (!observed.isEmpty()) {
                figures.put("metrics", observed);
            }
            faults.acted(id, next);
            advance(release, next, figures);
            faults.recorded(id, next);
            if (next == ReleaseState.COMPLETED) {
                runner.schedule(() -> stopPrevious(id), config.rollbackWindow().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The analysis' trigger: ROLLING_BACK recorded with what failed (unless a decision came first); the loop then rolls back. */
    private void rollBackAutomatically(UUID id, Analysis.Trigger trigger, Map<String, Object> observed) {
        ReleaseEntity seen = QuarkusTransaction.requiringNew().call(() -> releases.findById(id));
        Optional<Instant> faultStart = analysis.faultInjectedSince(seen.toSlot);
        QuarkusTransaction.requiringNew().run(() -> {
            ReleaseEntity current = releases.findById(id);
            if (current.state != ReleaseState.MONITORING) {
                return;
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("trigger", trigger.last().check());
            figures.put("failures", trigger.failures());
            figures.put("firstFailingAt", trigger.firstFailure().toString());
            figures.put("measurement", trigger.last().toMap());
            figures.put("to", current.fromSlot);
            if (!observed.isEmpty()) {
                figures.put("metrics", observed);
            }
            // a fault on the idle slot waits for the switch: it begins when traffic reaches it
            Optional<Instant> switchedAt = transitions.lastReached(id, ReleaseState.SWITCHED);
            faultStart.map(start -> switchedAt.filter(start::isBefore).orElse(start))
                    .filter(start -> !start.isAfter(trigger.firstFailure())).ifPresent(start -> {
                figures.put("faultInjectedAt", start.toString());
                figures.put("detectionMs", Duration.between(start, trigger.firstFailure()).toMillis());
            });
            timeline.record(current, ReleaseState.ROLLING_BACK, Analysis.ACTOR, "automatic rollback: " + trigger.last().check()
                    + " failed " + trigger.failures() + " times in a row (" + trigger.last().detail() + ")", figures);
        });
    }

    /**
     * Traffic back on the previous slot. After a manual rollback the new slot keeps running for
     * whoever looks into why; after an automatic one it is stopped (its log stays). The time from
     * the first failing measurement to traffic switched is recorded as {@code rollbackMs}.
     */
    private void rollBack(ReleaseEntity release) {
        long t0 = System.nanoTime();
        try {
            actions.switchBack(release);
        } catch (RuntimeException e) {
            fail(release, e);
            return;
        }
        Instant switchedAt = clock.instant();
        TransitionEntity asked = QuarkusTransaction.requiringNew().call(() -> transitions.timeline(release.id).stream()
                .filter(t -> t.to == ReleaseState.ROLLING_BACK).reduce((x, y) -> y).orElse(null));
        boolean automatic = asked != null && Analysis.ACTOR.equals(asked.actor);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("from", release.toSlot);
        figures.put("to", release.fromSlot);
        figures.put("stepMs", (System.nanoTime() - t0) / 1_000_000);
        figures.put("automatic", automatic);
        if (asked != null && asked.figures != null && asked.figures.get("firstFailingAt") instanceof String first) {
            figures.put("trigger", asked.figures.get("trigger"));
            figures.put("rollbackMs", Duration.between(Instant.parse(first), switchedAt).toMillis());
        }
        QuarkusTransaction.requiringNew().run(() -> timeline.record(releases.findById(release.id), ReleaseState.ROLLED_BACK, SELF,
                "traffic back on slot " + release.fromSlot + " (" + release.previousVersion + ")", figures));
        if (automatic) {
            actions.stopUnused(release);
        }
    }

    private void advance(ReleaseEntity acted, ReleaseState next, Map<String, Object> figures) {
        QuarkusTransaction.requiringNew().run(() -> {
            ReleaseEntity release = releases.findById(acted.id);
            if (release.state != acted.state) {
                // aborted or rolled back while the step ran: that decision stands
                return;
            }
            copyChecks(acted, release);
            release.monitoringUntil = next == ReleaseState.MONITORING ? acted.monitoringUntil : release.monitoringUntil;
            timeline.record(release, next, SELF, next == ReleaseState.COMPLETED ? "monitoring ended (window passed or promoted)" : "step done", figures);
        });
    }

    private void fail(ReleaseEntity release, Exception e) {
        String reason = e.getMessage() != null ? e.getMessage() : "the step failed (" + e.getClass().getSimpleName() + ")";
        LOG.warnf("release %s failed after %s: %s", release.version, release.state, reason);
        if (ReleaseSteps.beforeSwitch(release.state)) {
            actions.stopUnused(release);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("failedStep", ReleaseSteps.next(release.state).map(Enum::name).orElse("?"));
        figures.put("trafficMoved", !ReleaseSteps.beforeSwitch(release.state));
        if (e instanceof TargetRefusal refusal && !refusal.log().isEmpty()) {
            figures.put("log", refusal.log());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ReleaseEntity current = releases.findById(release.id);
            if (current.state == release.state) {
                copyChecks(release, current);
                timeline.record(current, ReleaseState.FAILED, SELF, reason, figures);
            }
        });
    }

    /** What a step found out about the release (slots, gates, migrations, backup), kept whether it passed or failed. */
    private static void copyChecks(ReleaseEntity acted, ReleaseEntity release) {
        release.fromSlot = acted.fromSlot;
        release.toSlot = acted.toSlot;
        release.backupPath = acted.backupPath;
        release.gates = acted.gates;
        release.migrationKind = acted.migrationKind;
        release.targetSchemaVersion = acted.targetSchemaVersion;
        release.tableRows = acted.tableRows;
    }

    private void stopPrevious(UUID id) {
        try {
            ReleaseEntity release = QuarkusTransaction.requiringNew().call(() -> releases.findById(id));
            Map<String, Object> figures = actions.stopPrevious(release);
            QuarkusTransaction.requiringNew().run(() -> timeline.note(releases.findById(id), "previous_slot_stopped", SELF,
                    PREVIOUS_STOPPED, figures));
        } catch (RuntimeException e) {
            LOG.warnf("could not stop the previous slot of release %s: %s", id, e.getMessage());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Math.max(10, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    /** A verb the release's state does not allow now; {@code english} says so in English, the bundles in Spanish. */
    private static Refusal notNow(ReleaseEntity release, String verb, String english) {
        return Refusal.conflict(null, "release_state_refuses", Refusal.VARIANT, verb, "version", release.version,
                "state", release.state.name(), "detail", english);
    }
}

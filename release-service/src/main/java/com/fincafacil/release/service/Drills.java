package com.fincafacil.release.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.Gate;
import com.fincafacil.release.repository.DrillEntity;
import com.fincafacil.release.repository.DrillRepository;
import com.fincafacil.release.repository.ReleaseEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The go-live drills' outcomes ({@code ./fincafacil drill} records each one) and the release gate
 * that reads the latest: the seed's "rollback script tested", proven by running it.
 */
@ApplicationScoped
public class Drills {

    /** What a drill reports about itself. */
    public record Outcome(String version, String fault, boolean passed, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                          Map<String, Object> report) {
    }

    private final DrillRepository drills;
    private final ReleaseConfig config;
    private final Clock clock;

    public Drills(DrillRepository drills, ReleaseConfig config, Clock clock) {
        this.drills = drills;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public DrillEntity record(Outcome outcome, String by) {
        if (outcome.finishedAt().isBefore(outcome.startedAt())) {
            throw Refusal.invalid("finishedAt", "invalid_value", Refusal.VARIANT, "finished_before_start");
        }
        DrillEntity drill = new DrillEntity();
        drill.id = UUID.randomUUID();
        drill.version = outcome.version();
        drill.fault = outcome.fault();
        drill.passed = outcome.passed();
        drill.startedAt = outcome.startedAt();
        drill.finishedAt = outcome.finishedAt();
        drill.report = outcome.report();
        drill.recordedBy = by;
        drill.recordedAt = StepActions.now(clock);
        drills.persist(drill);
        return drill;
    }

    @Transactional
    public List<DrillEntity> latest(int limit) {
        return drills.latest(limit);
    }

    @Transactional
    public DrillEntity get(UUID id) {
        DrillEntity drill = drills.findById(id);
        if (drill == null) {
            throw Refusal.notFound("drill_not_found", "id", id);
        }
        return drill;
    }

    /**
     * The gate for {@code release}: the go-live drill's own release passes it (after a failed drill,
     * the next drill is what clears the gate, so it cannot wait for a passing one); any other reads
     * the latest drill.
     */
    @Transactional
    public Gate gate(ReleaseEntity release) {
        return release.drill ? Gate.passed("last_drill", "this release is a go-live drill: it does not wait for one") : gate();
    }

    /**
     * {@code last_drill}: PASSED when the latest drill passed within {@code drill-max-age}; FAILED
     * when it failed (a rollback that did not work must be looked at before the next release);
     * NOT_RUN when there is none or it is too old (the gate says so, and does not stop the release).
     */
    @Transactional
    public Gate gate() {
        return drills.latest().map(this::gate)
                .orElse(new Gate("last_drill", Gate.Kind.AUTOMATED, Gate.Status.NOT_RUN, "no go-live drill has run yet (./fincafacil drill)"));
    }

    private Gate gate(DrillEntity latest) {
        Duration age = Duration.between(latest.finishedAt, StepActions.now(clock));
        String what = "the go-live drill of " + latest.finishedAt.toLocalDate() + " (" + latest.fault + " fault, release " + latest.version + ")";
        if (age.compareTo(config.drillMaxAge()) > 0) {
            return new Gate("last_drill", Gate.Kind.AUTOMATED, Gate.Status.NOT_RUN, what + " is older than "
                    + config.drillMaxAge().toDays() + " days: run ./fincafacil drill");
        }
        if (!latest.passed) {
            return Gate.failed("last_drill", what + " failed: " + latest.report.getOrDefault("failures", "see its report"));
        }
        return Gate.passed("last_drill", what + " passed: rollback in " + latest.report.getOrDefault("rollbackMs", "?") + " ms, no write lost");
    }
}

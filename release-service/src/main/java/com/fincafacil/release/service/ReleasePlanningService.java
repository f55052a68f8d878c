package com.fincafacil.release.service;

import com.fincafacil.commons.refusal.FieldChecks;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.flags.domain.SemVer;
import com.fincafacil.release.domain.Change;
import com.fincafacil.release.domain.PlannedRelease;
import com.fincafacil.release.domain.ReleaseKind;
import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.repository.AcknowledgementEntity;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.repository.ReleaseRepository;
import com.fincafacil.release.repository.TransitionEntity;
import com.fincafacil.release.repository.TransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Planning, approving and reading releases; running them is the release flow's. */
@ApplicationScoped
public class ReleasePlanningService {

    private final ReleaseRepository releases;
    private final TransitionRepository transitions;
    private final RunningVersion running;
    private final Changelog changelog;
    private final Timeline timeline;
    private final Acknowledgements acknowledgements;
    private final com.fincafacil.release.repository.MeasurementRepository measurements;

    public ReleasePlanningService(ReleaseRepository releases, TransitionRepository transitions, RunningVersion running,
                                  Changelog changelog, Timeline timeline, Acknowledgements acknowledgements,
                                  com.fincafacil.release.repository.MeasurementRepository measurements) {
        this.acknowledgements = acknowledgements;
        this.measurements = measurements;
        this.releases = releases;
        this.transitions = transitions;
        this.running = running;
        this.changelog = changelog;
        this.timeline = timeline;
    }

    /**
     * A plan as asked: {@code changes} may be empty (the changelog's entry is used), {@code artifact}
     * null (the version); {@code validationQueries} {@code [{name, sql}]}, read-only queries that
     * return the rows breaking a rule, run after migrating.
     */
    /** {@code drill}: planned by the go-live drill (see {@link Drills#gate(ReleaseEntity)}). */
    public record Plan(String version, String kind, List<Change> changes, String artifact,
                       List<Map<String, String>> validationQueries, boolean drill) {
    }

    @Transactional
    public ReleaseEntity plan(Plan plan, String by) {
        // both fields are checked before either is refused, so one answer names every problem
        FieldChecks checks = FieldChecks.start();
        SemVer semver = checks.check(() -> PlannedRelease.parseVersion(plan.version())
                .orElseThrow(() -> Refusal.invalid("version", "invalid_version", "version", plan.version(),
                        "detail", "'" + plan.version() + "' is not a semantic version (MAJOR.MINOR.PATCH).")));
        ReleaseKind kind = checks.check(() -> ReleaseKind.parse(plan.kind())
                .orElseThrow(() -> Refusal.invalid("kind", "unknown_kind", "detail", "kind must be one of major, minor, patch, hotfix.")));
        checks.refuseIfAny();
        if (releases.findByVersion(semver.toString()).isPresent()) {
            throw Refusal.conflict("version", "release_already_planned", "version", semver.toString(),
                    "detail", "Release " + semver.toString() + " is already planned.");
        }
        Optional<String> now = running.current();
        PlannedRelease.checkAgainst(semver, kind, now.flatMap(PlannedRelease::parseVersion)).ifPresent(misfit -> {
            throw Refusal.unprocessable(misfit.field(), misfit.code(), facts(misfit.facts(), misfit.reason()));
        });
        List<String> entry = changelog.entry(semver.toString()).orElseThrow(() -> Refusal.unprocessable("version", "changelog_entry_missing",
                "file", changelog.file(), "version", semver.toString(),
                "detail", changelog.file() + " has no entry for " + semver.toString() + "; add one (## [" + semver.toString() + "]) first."));
        List<Change> changes = plan.changes().isEmpty() ? entry.stream().map(title -> new Change(title, null)).toList() : plan.changes();
        if (changes.isEmpty()) {
            throw Refusal.unprocessable("changes", "changes_missing", "version", semver.toString(), "detail", "the changelog entry for "
                    + semver.toString() + " lists no changes, and the plan names none.");
        }
        ReleaseEntity release = new ReleaseEntity();
        release.id = UUID.randomUUID();
        release.version = semver.toString();
        release.kind = kind.wireName();
        release.drill = plan.drill();
        release.state = ReleaseState.PLANNED;
        release.changes = changes.stream().map(ReleasePlanningService::asMap).toList();
        release.artifact = plan.artifact() == null || plan.artifact().isBlank() ? semver.toString() : plan.artifact().trim();
        release.previousVersion = now.orElse(null);
        release.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        release.createdBy = by;
        release.validationQueries = new java.util.ArrayList<>(plan.validationQueries());
        releases.persist(release);
        timeline.planned(release, by, Map.of("runningVersion", now.orElse("none")));
        return release;
    }

    /** An operator acknowledges a human checklist item of the release. */
    @Transactional
    public void acknowledge(UUID id, String item, String by, String note) {
        acknowledgements.acknowledge(find(id), item, by, note);
    }

    /** The analysis' latest {@code limit} measurements, oldest first. */
    public List<com.fincafacil.release.repository.MeasurementEntity> measurements(UUID id, int limit) {
        return measurements.latest(id, limit);
    }

    /** The acknowledgements given so far, oldest first. */
    public List<AcknowledgementEntity> acknowledgements(UUID id) {
        return acknowledgements.of(id);
    }

    /** An admin's approval; the planner cannot approve their own release. Approving again keeps the first. */
    @Transactional
    public ReleaseEntity approve(UUID id, String by) {
        ReleaseEntity release = find(id);
        if (release.createdBy.equals(by)) {
            throw Refusal.of(Refusal.Kind.FORBIDDEN, null, "own_release_approval", "version", release.version, "by", by,
                    "detail", "Release " + release.version + " was planned by " + by + "; another admin must approve it.");
        }
        if (release.approvedBy == null) {
            release.approvedBy = by;
            release.approvedAt = OffsetDateTime.now(ZoneOffset.UTC);
            timeline.note(release, "approved", by, "approved", Map.of());
        }
        return release;
    }

    public ReleaseEntity find(UUID id) {
        ReleaseEntity release = releases.findById(id);
        if (release == null) {
            throw Refusal.notFound("release_not_found", "id", id, "detail", "No release " + id + ".");
        }
        return release;
    }

    public List<TransitionEntity> timeline(UUID id) {
        return transitions.timeline(id);
    }

    public List<ReleaseEntity> search(ReleaseState state, OffsetDateTime from, OffsetDateTime to) {
        return releases.search(state, from, to);
    }

    private static Map<String, String> asMap(Change change) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", change.title());
        m.put("mergedAt", change.mergedAt() == null ? null : change.mergedAt().toString());
        return m;
    }

    /** A domain misfit's facts as refusal facts, with its English sentence as the English detail. */
    private static Object[] facts(Map<String, Object> facts, String english) {
        List<Object> pairs = new java.util.ArrayList<>();
        facts.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        pairs.add("detail");
        pairs.add(english);
        return pairs.toArray();
    }
}

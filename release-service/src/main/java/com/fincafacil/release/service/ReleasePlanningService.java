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
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
    private final Validator validator;

    public ReleasePlanningService(ReleaseRepository releases, TransitionRepository transitions, RunningVersion running,
                                  Changelog changelog, Timeline timeline, Acknowledgements acknowledgements,
                                  com.fincafacil.release.repository.MeasurementRepository measurements, Validator validator) {
        this.validator = validator;
        this.acknowledgements = acknowledgements;
        this.measurements = measurements;
        this.releases = releases;
        this.transitions = transitions;
        this.running = running;
        this.changelog = changelog;
        this.timeline = timeline;
    }

    /**
     * A plan as asked: {@code changes} may be left out (the version's CHANGELOG entry is used),
     * {@code artifact} too (the version); {@code validationQueries} are read-only queries that return
     * the rows breaking a rule, run after migrating; {@code drill}: planned by the go-live drill (see
     * {@link Drills#gate(ReleaseEntity)}). Its constraints are checked with the version and kind,
     * so one answer names every problem.
     */
    public record PlanRelease(@NotBlank String version, @NotBlank String kind, List<@Valid @NotNull ChangeRequest> changes,
                              @Size(max = 300) String artifact,
                              @Size(max = 20) List<@Valid @NotNull ValidationQuery> validationQueries, Boolean drill) {
    }

    /** A change as a plan names it: its title and when it was merged (ISO date-time, optional). */
    public record ChangeRequest(@NotBlank @Size(max = 300) String title, OffsetDateTime mergedAt) {
    }

    /** A read-only query run after migrating: every row it returns breaks its rule. */
    public record ValidationQuery(@NotBlank @Size(max = 100) String name,
                                  @NotBlank @Size(max = 5000)
                                  // written without Java-only flags, so the OpenAPI document's readers can use it too
                                  @Pattern(regexp = "\\s*([Ss][Ee][Ll][Ee][Cc][Tt]|[Ww][Ii][Tt][Hh])\\b[\\s\\S]*",
                                          message = "must be a SELECT (or WITH … SELECT) query") String sql) {
    }

    @Transactional
    public ReleaseEntity plan(PlanRelease plan, String by) {
        FieldChecks checks = FieldChecks.of(validator, plan);
        SemVer semver = checks.check(() -> PlannedRelease.parseVersion(plan.version())
                .orElseThrow(() -> Refusal.invalid("version", "invalid_version", "version", plan.version(),
                        "detail", "'" + plan.version() + "' is not a semantic version (MAJOR.MINOR.PATCH).")), "version");
        ReleaseKind kind = checks.check(() -> ReleaseKind.parse(plan.kind())
                .orElseThrow(() -> Refusal.invalid("kind", "unknown_kind", "detail", "kind must be one of major, minor, patch, hotfix.")), "kind");
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
        List<Change> named = plan.changes() == null ? List.of() : plan.changes().stream()
                .map(c -> new Change(c.title().trim(), c.mergedAt() == null ? null : c.mergedAt().toInstant())).toList();
        List<Change> changes = named.isEmpty() ? entry.stream().map(title -> new Change(title, null)).toList() : named;
        if (changes.isEmpty()) {
            throw Refusal.unprocessable("changes", "changes_missing", "version", semver.toString(), "detail", "the changelog entry for "
                    + semver.toString() + " lists no changes, and the plan names none.");
        }
        ReleaseEntity release = new ReleaseEntity();
        release.id = UUID.randomUUID();
        release.version = semver.toString();
        release.kind = kind.wireName();
        release.drill = Boolean.TRUE.equals(plan.drill());
        release.state = ReleaseState.PLANNED;
        release.changes = changes.stream().map(ReleasePlanningService::asMap).toList();
        release.artifact = plan.artifact() == null || plan.artifact().isBlank() ? semver.toString() : plan.artifact().trim();
        release.previousVersion = now.orElse(null);
        release.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        release.createdBy = by;
        release.validationQueries = new java.util.ArrayList<>(plan.validationQueries() == null ? List.of()
                : plan.validationQueries().stream().map(q -> Map.of("name", q.name().trim(), "sql", q.sql().trim())).toList());
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

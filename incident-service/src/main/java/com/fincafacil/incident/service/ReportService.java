package com.fincafacil.incident.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.incident.config.IncidentConfig;
import com.fincafacil.incident.domain.ReleaseEvent;
import com.fincafacil.incident.domain.report.DeploymentReport;
import com.fincafacil.incident.domain.report.FollowUp;
import com.fincafacil.incident.domain.report.ReportBuilder;
import com.fincafacil.incident.domain.report.ReportText;
import com.fincafacil.incident.domain.report.SlowStepRule;
import com.fincafacil.incident.repository.DeploymentEntity;
import com.fincafacil.incident.repository.DeploymentRepository;
import com.fincafacil.incident.repository.FollowUpEntity;
import com.fincafacil.incident.repository.FollowUpRepository;
import com.fincafacil.incident.repository.ReleaseEventRepository;
import com.fincafacil.incident.repository.ReportFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Deployment reports: built from a release's events, kept as a row for lists and as files. */
@ApplicationScoped
public class ReportService {

    private final ReleaseEventRepository events;
    private final DeploymentRepository deployments;
    private final FollowUpRepository followUps;
    private final ReportFiles files;
    private final IncidentConfig config;
    private final Clock clock;

    public ReportService(ReleaseEventRepository events, DeploymentRepository deployments, FollowUpRepository followUps,
                         ReportFiles files, IncidentConfig config, Clock clock) {
        this.events = events;
        this.deployments = deployments;
        this.followUps = followUps;
        this.files = files;
        this.config = config;
        this.clock = clock;
    }

    public ZoneId zone() {
        return ZoneId.of(config.reports().timezone());
    }

    /** Rebuilds a release's deployment row and files from all its events (the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(UUID releaseId) {
        List<ReleaseEvent> all = events.ofRelease(releaseId);
        if (!ReportBuilder.isDeployment(all)) {
            return;
        }
        DeploymentReport report = build(releaseId, all);
        DeploymentEntity row = deployments.findByIdOptional(releaseId).orElseGet(DeploymentEntity::new);
        boolean isNew = row.releaseId == null;
        row.releaseId = releaseId;
        row.version = report.version();
        row.kind = report.kind();
        row.environment = report.environment();
        row.status = report.status().name();
        row.startedAt = utc(report.startedAt());
        row.finishedAt = report.finishedAt() == null ? null : utc(report.finishedAt());
        row.reachedProduction = report.reachedProduction();
        row.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            deployments.persist(row);
        }
        files.write(report.version(), releaseId.toString(), ReportText.render(report, zone()), ReportJson.of(report, zone()));
    }

    public DeploymentReport report(UUID releaseId) {
        return build(releaseId, events.ofRelease(releaseId));
    }

    /** The latest deployment of {@code version}, 404 when it has none. */
    public DeploymentReport byVersion(String version) {
        return report(latest(version).releaseId);
    }

    public List<DeploymentReport> search(String version, String status, OffsetDateTime from, OffsetDateTime to) {
        return deployments.search(version, status, from, to).stream().map(d -> report(d.releaseId)).toList();
    }

    @Transactional
    public DeploymentReport addFollowUp(String version, String text, String owner, LocalDate due, String actor) {
        DeploymentEntity deployment = latest(version);
        FollowUpEntity action = new FollowUpEntity();
        action.id = UUID.randomUUID();
        action.releaseId = deployment.releaseId;
        action.text = text;
        action.owner = owner;
        action.dueDate = due;
        action.addedBy = actor;
        action.addedAt = OffsetDateTime.now(clock);
        followUps.persist(action);
        followUps.flush();
        refresh(deployment.releaseId);
        return report(deployment.releaseId);
    }

    private DeploymentEntity latest(String version) {
        return deployments.latestOf(version)
                .orElseThrow(() -> Refusal.notFound("deployment_not_found", Refusal.VARIANT, "version", "version", Refusals.printable(version)));
    }

    private DeploymentReport build(UUID releaseId, List<ReleaseEvent> all) {
        if (all.isEmpty()) {
            throw Refusal.notFound("deployment_not_found", Refusal.VARIANT, "release", "releaseId", releaseId);
        }
        List<FollowUp> actions = followUps.ofRelease(releaseId).stream().map(f -> new FollowUp(f.text, f.owner, f.dueDate)).toList();
        DeploymentReport draft = ReportBuilder.build(all, Map.of(), actions, config.environment(), rule());
        return ReportBuilder.build(all, usualStepTimes(releaseId, draft), actions, config.environment(), rule());
    }

    /** The median time of each step over the releases before this one. */
    private Map<String, Long> usualStepTimes(UUID releaseId, DeploymentReport draft) {
        Map<String, Long> usual = new HashMap<>();
        events.stepTimesBefore(releaseId, draft.startedAt()).forEach((state, times) -> median(times).ifPresent(m -> usual.put(state, m)));
        return usual;
    }

    private static Optional<Long> median(List<Long> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    private SlowStepRule rule() {
        return new SlowStepRule(config.reports().slowStepFactor(), config.reports().slowStepMinExtra().toMillis());
    }

    private static OffsetDateTime utc(java.time.Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

package com.fincafacil.incident.service;

import com.fincafacil.incident.config.IncidentConfig;
import com.fincafacil.incident.domain.DeploymentStatus;
import com.fincafacil.incident.domain.IncidentTrigger;
import com.fincafacil.incident.domain.dora.DeploymentFact;
import com.fincafacil.incident.domain.dora.DoraCalculator;
import com.fincafacil.incident.domain.dora.DoraReport;
import com.fincafacil.incident.repository.DeploymentRepository;
import com.fincafacil.incident.repository.IncidentEntity;
import com.fincafacil.incident.repository.IncidentRepository;
import com.fincafacil.incident.repository.ReleaseEventRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** DORA metrics of one environment over the last N days, from the deployments and incidents recorded. */
@ApplicationScoped
public class DoraService {

    private final DeploymentRepository deployments;
    private final ReleaseEventRepository events;
    private final IncidentRepository incidents;
    private final IncidentConfig config;
    private final Clock clock;

    public DoraService(DeploymentRepository deployments, ReleaseEventRepository events, IncidentRepository incidents,
                       IncidentConfig config, Clock clock) {
        this.deployments = deployments;
        this.events = events;
        this.incidents = incidents;
        this.config = config;
        this.clock = clock;
    }

    public String defaultEnvironment() {
        return config.environment();
    }

    public int defaultDays() {
        return config.dora().defaultDays();
    }

    public DoraReport compute(String environment, int days) {
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        List<DeploymentFact> facts = deployments.finishedIn(environment, start, end).stream()
                .map(d -> DeploymentFact.of(events.ofRelease(d.releaseId), DeploymentStatus.valueOf(d.status),
                        d.finishedAt.toInstant(), d.reachedProduction))
                .toList();
        // a hotfix's incident records a post-mortem duty, not an outage whose restore was timed
        List<Duration> restores = incidents.resolvedBetween(start, end).stream()
                .filter(i -> i.trigger != IncidentTrigger.HOTFIX).filter(i -> environment.equals(environmentOf(i)))
                .map(IncidentEntity::timeToRestore).toList();
        return DoraCalculator.compute(environment, from, to, facts, restores);
    }

    /** An incident's environment is its release's; a manual one without a release belongs to the default environment. */
    private String environmentOf(IncidentEntity i) {
        if (i.releaseId == null) {
            return config.environment();
        }
        return deployments.findByIdOptional(i.releaseId).map(d -> d.environment).orElse(config.environment());
    }
}

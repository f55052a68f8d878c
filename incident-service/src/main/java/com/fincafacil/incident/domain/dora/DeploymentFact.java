package com.fincafacil.incident.domain.dora;

import com.fincafacil.incident.domain.DeploymentStatus;
import com.fincafacil.incident.domain.ReleaseEvent;
import com.fincafacil.incident.domain.ReleaseStates;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What DORA needs of one finished deployment. */
public record DeploymentFact(DeploymentStatus status, Instant finishedAt, boolean reachedProduction,
                             List<Instant> changesMergedAt, Duration rollbackTime) {

    /** A deployment that reached farm traffic (the denominator of the change failure rate). */
    public boolean inProduction() {
        return status == DeploymentStatus.COMPLETED || status == DeploymentStatus.ROLLED_BACK
                || (status == DeploymentStatus.FAILED && reachedProduction);
    }

    public boolean failedInProduction() {
        return inProduction() && status != DeploymentStatus.COMPLETED;
    }

    /**
     * From a release's events: the plan's merge times, and the rollback's time as release-service
     * measured it ({@code rollbackMs}: first failing measurement to traffic back) or else from the
     * start of the rollback to its end.
     */
    public static DeploymentFact of(List<ReleaseEvent> unordered, DeploymentStatus status, Instant finishedAt, boolean reachedProduction) {
        List<ReleaseEvent> events = unordered.stream().sorted(ReleaseStates.CHRONOLOGICAL).toList();
        List<ReleaseEvent.Change> changes = List.of();
        Instant rollingBack = null;
        Duration rollback = null;
        for (ReleaseEvent e : events) {
            if (!e.changes().isEmpty()) {
                changes = e.changes();
            }
            if (e.what().equals("rolling_back") && rollingBack == null) {
                rollingBack = e.at();
            }
            if (e.what().equals("rolled_back")) {
                Instant start = rollingBack;
                rollback = e.number("rollbackMs").map(ms -> Duration.ofMillis(ms.longValue()))
                        .orElseGet(() -> start == null ? null : Duration.between(start, e.at()));
            }
        }
        return new DeploymentFact(status, finishedAt, reachedProduction,
                changes.stream().map(ReleaseEvent.Change::mergedAt).filter(Objects::nonNull).toList(), rollback);
    }
}

package com.fincafacil.incident.domain.dora;

import com.fincafacil.incident.domain.DeploymentStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The four keys (plus rollback time) over a period, after dora-team/fourkeys' definitions:
 * deployments are releases finished in the period; lead time runs from each change's merge to its
 * release's COMPLETED; time to restore from an incident's opening to its resolution.
 */
public final class DoraCalculator {

    private DoraCalculator() {
    }

    /** {@code restores}: the opening-to-resolution times of incidents resolved in the period (hotfix records excluded). */
    public static DoraReport compute(String environment, Instant from, Instant to, List<DeploymentFact> deployments,
                                     List<Duration> restores) {
        long days = Math.max(1, Duration.between(from, to).toDays());
        return new DoraReport(environment, from, to, days, frequency(deployments, days), leadTime(deployments),
                failureRate(deployments), restore(restores), rollback(deployments), DoraBands.SOURCE);
    }

    private static DoraReport.Frequency frequency(List<DeploymentFact> deployments, long days) {
        long n = deployments.stream().filter(d -> d.status() == DeploymentStatus.COMPLETED).count();
        return new DoraReport.Frequency(n, n * 7.0 / days, DoraBands.deploymentFrequency(n, days),
                new DoraReport.Target("≥ 1/semana", SeedTargets.deploymentFrequency(n, days)));
    }

    private static DoraReport.LeadTime leadTime(List<DeploymentFact> deployments) {
        List<Duration> times = new ArrayList<>();
        deployments.stream().filter(d -> d.status() == DeploymentStatus.COMPLETED)
                .forEach(d -> d.changesMergedAt().forEach(merged -> times.add(Duration.between(merged, d.finishedAt()))));
        Duration median = median(times);
        return new DoraReport.LeadTime(DoraReport.seconds(median), times.size(), median == null ? null : DoraBands.leadTime(median),
                new DoraReport.Target("< 1 semana", median == null ? null : SeedTargets.leadTime(median)));
    }

    private static DoraReport.FailureRate failureRate(List<DeploymentFact> deployments) {
        long total = deployments.stream().filter(DeploymentFact::inProduction).count();
        long failed = deployments.stream().filter(DeploymentFact::failedInProduction).count();
        boolean any = total > 0;
        return new DoraReport.FailureRate(failed, total, any ? 100.0 * failed / total : null,
                any ? DoraBands.changeFailureRate(failed, total) : null,
                new DoraReport.Target("< 5%", any ? SeedTargets.changeFailureRate(failed, total) : null));
    }

    private static DoraReport.Restore restore(List<Duration> restores) {
        Duration median = median(restores);
        return new DoraReport.Restore(DoraReport.seconds(median), restores.size(), median == null ? null : DoraBands.timeToRestore(median),
                new DoraReport.Target("< 15 min", median == null ? null : SeedTargets.mttr(median)));
    }

    private static DoraReport.Rollback rollback(List<DeploymentFact> deployments) {
        List<Duration> times = deployments.stream().filter(d -> d.status() == DeploymentStatus.ROLLED_BACK)
                .map(DeploymentFact::rollbackTime).filter(Objects::nonNull).toList();
        Duration max = times.stream().max(Duration::compareTo).orElse(null);
        return new DoraReport.Rollback(DoraReport.seconds(median(times)), DoraReport.seconds(max), times.size(),
                new DoraReport.Target("< 5 min", max == null ? null : SeedTargets.rollback(max)));
    }

    /** The middle value; the mean of the two middle ones for an even count; null for none. */
    static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }
}

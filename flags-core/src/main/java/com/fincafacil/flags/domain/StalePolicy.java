package com.fincafacil.flags.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Flags are debt once their rollout is settled: a phase flag at 0 % or 100 % that has not
 * changed for {@code days} days is a candidate for removal. Partial rollouts are never stale,
 * since someone is still moving them.
 */
public final class StalePolicy {

    private final int days;

    public StalePolicy(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        this.days = days;
    }

    /** Oldest first, then by key, so the list reads the same on every call. */
    public List<StaleFlag> staleFlags(Collection<TrackedFlag> flags, Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(days));
        return flags.stream()
                .filter(tracked -> isSettled(tracked.flag()) && !tracked.lastChangedAt().isAfter(cutoff))
                .sorted(Comparator.comparing(TrackedFlag::lastChangedAt)
                        .thenComparing(tracked -> tracked.flag().key()))
                .map(tracked -> toStale(tracked, now))
                .toList();
    }

    private static boolean isSettled(PhaseFlag flag) {
        return flag.porcentajeRollout() == 0 || flag.porcentajeRollout() == 100;
    }

    private static StaleFlag toStale(TrackedFlag tracked, Instant now) {
        PhaseFlag flag = tracked.flag();
        long unchanged = Duration.between(tracked.lastChangedAt(), now).toDays();
        String advice = flag.porcentajeRollout() == 100
                ? "At 100 % for " + unchanged + " days: the feature is out; remove the flag and keep the code."
                : "At 0 % for " + unchanged + " days: no finca gets it; roll it out or remove it and its code.";
        return new StaleFlag(flag.key(), flag.porcentajeRollout(), tracked.lastChangedAt(), unchanged, advice);
    }
}

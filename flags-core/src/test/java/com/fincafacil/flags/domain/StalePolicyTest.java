package com.fincafacil.flags.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.fincafacil.flags.domain.DeploymentLevel.PILOTO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StalePolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T07:00:00Z");
    private final StalePolicy policy = new StalePolicy(30);

    private static TrackedFlag tracked(String key, int percentage, Duration age) {
        return new TrackedFlag(new PhaseFlag(key, true, List.of(PILOTO), percentage, null, null), NOW.minus(age));
    }

    @Test
    void settled_flags_unchanged_for_the_period_are_stale_oldest_first() {
        List<TrackedFlag> flags = List.of(
                tracked("FASE_8_DATA_QUALITY", 100, Duration.ofDays(45)),
                tracked("FASE_37_BI_ANALYTICS", 0, Duration.ofDays(90)),
                tracked("FASE_9_OBSERVABILITY", 75, Duration.ofDays(400)),
                tracked("FASE_10_RECENT", 100, Duration.ofDays(29)));

        List<StaleFlag> stale = policy.staleFlags(flags, NOW);

        assertEquals(List.of("FASE_37_BI_ANALYTICS", "FASE_8_DATA_QUALITY"),
                stale.stream().map(StaleFlag::key).toList());
        assertEquals(90, stale.get(0).daysUnchanged());
        assertTrue(stale.get(0).advice().startsWith("At 0 % for 90 days"), stale.get(0).advice());
        assertTrue(stale.get(1).advice().startsWith("At 100 % for 45 days"), stale.get(1).advice());
    }

    @Test
    void exactly_the_period_counts_as_stale_and_a_second_less_does_not() {
        List<TrackedFlag> flags = List.of(
                tracked("FASE_1_EXACT", 100, Duration.ofDays(30)),
                tracked("FASE_2_ALMOST", 100, Duration.ofDays(30).minusSeconds(1)));

        assertEquals(List.of("FASE_1_EXACT"), policy.staleFlags(flags, NOW).stream().map(StaleFlag::key).toList());
    }

    @Test
    void period_must_be_at_least_one_day() {
        assertThrows(IllegalArgumentException.class, () -> new StalePolicy(0));
    }
}

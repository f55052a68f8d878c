package com.fincafacil.incident.domain;

import com.fincafacil.incident.domain.dora.Band;
import com.fincafacil.incident.domain.dora.DoraBands;
import com.fincafacil.incident.domain.dora.SeedTargets;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each band's boundary, on both sides (docs/incident-api.md, "DORA bands"). */
class DoraBandsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void deployment_frequency_bands_turn_at_one_a_day_one_a_week_and_one_a_month() {
        assertEquals(Band.ELITE, DoraBands.deploymentFrequency(90, 90));
        assertEquals(Band.HIGH, DoraBands.deploymentFrequency(89, 90));
        assertEquals(Band.HIGH, DoraBands.deploymentFrequency(13, 90));   // 13·7 = 91 ≥ 90
        assertEquals(Band.MEDIUM, DoraBands.deploymentFrequency(12, 90)); // 12·7 = 84 < 90
        assertEquals(Band.MEDIUM, DoraBands.deploymentFrequency(3, 90));  // 3·30 = 90
        assertEquals(Band.LOW, DoraBands.deploymentFrequency(2, 90));
        assertEquals(Band.LOW, DoraBands.deploymentFrequency(0, 90));
    }

    @Test
    void lead_time_bands_turn_at_one_day_one_week_and_thirty_days() {
        assertEquals(Band.ELITE, DoraBands.leadTime(Duration.ofDays(1).minus(SECOND)));
        assertEquals(Band.HIGH, DoraBands.leadTime(Duration.ofDays(1)));
        assertEquals(Band.HIGH, DoraBands.leadTime(Duration.ofDays(7)));
        assertEquals(Band.MEDIUM, DoraBands.leadTime(Duration.ofDays(7).plus(SECOND)));
        assertEquals(Band.MEDIUM, DoraBands.leadTime(Duration.ofDays(30)));
        assertEquals(Band.LOW, DoraBands.leadTime(Duration.ofDays(30).plus(SECOND)));
    }

    @Test
    void change_failure_rate_bands_turn_at_5_10_and_15_percent_exactly() {
        assertEquals(Band.ELITE, DoraBands.changeFailureRate(0, 20));
        assertEquals(Band.ELITE, DoraBands.changeFailureRate(1, 20));  // 5 %
        assertEquals(Band.HIGH, DoraBands.changeFailureRate(1, 19));   // 5.26 %
        assertEquals(Band.HIGH, DoraBands.changeFailureRate(2, 20));   // 10 %
        assertEquals(Band.MEDIUM, DoraBands.changeFailureRate(3, 29)); // 10.3 %
        assertEquals(Band.MEDIUM, DoraBands.changeFailureRate(3, 20)); // 15 %
        assertEquals(Band.LOW, DoraBands.changeFailureRate(4, 26));    // 15.4 %
    }

    @Test
    void time_to_restore_bands_turn_at_one_hour_one_day_and_one_week() {
        assertEquals(Band.ELITE, DoraBands.timeToRestore(Duration.ofHours(1).minus(SECOND)));
        assertEquals(Band.HIGH, DoraBands.timeToRestore(Duration.ofHours(1)));
        assertEquals(Band.HIGH, DoraBands.timeToRestore(Duration.ofDays(1).minus(SECOND)));
        assertEquals(Band.MEDIUM, DoraBands.timeToRestore(Duration.ofDays(1)));
        assertEquals(Band.MEDIUM, DoraBands.timeToRestore(Duration.ofDays(7)));
        assertEquals(Band.LOW, DoraBands.timeToRestore(Duration.ofDays(7).plus(SECOND)));
    }

    @Test
    void the_seeds_targets_are_met_only_strictly_below_them() {
        assertTrue(SeedTargets.mttr(Duration.ofMinutes(15).minus(SECOND)));
        assertFalse(SeedTargets.mttr(Duration.ofMinutes(15)));
        assertTrue(SeedTargets.rollback(Duration.ofMinutes(5).minus(SECOND)));
        assertFalse(SeedTargets.rollback(Duration.ofMinutes(5)));
        assertTrue(SeedTargets.changeFailureRate(0, 20));
        assertFalse(SeedTargets.changeFailureRate(1, 20)); // exactly 5 % is not under 5 %
        assertTrue(SeedTargets.changeFailureRate(1, 21));
        assertTrue(SeedTargets.deploymentFrequency(13, 90));
        assertFalse(SeedTargets.deploymentFrequency(12, 90));
    }
}

package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AlertType;
import com.fincafacil.farm.domain.EarTag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeathRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private final DeathRule rule = new DeathRule();

    @Test
    void a_death_raises_a_critica_alert_with_confidence_point_ninety_five() {
        List<AlertCandidate> alerts = rule.evaluate(AlertFacts.death(TODAY, EarTag.of("CO-3"), TODAY.minusDays(1)));

        assertEquals(List.of(new AlertCandidate(AlertType.CRITICA, DeathRule.CODE,
                "Animal CO-3 died on 2026-03-14.", 0.95)), alerts);
    }

    @Test
    void no_death_raises_nothing() {
        assertTrue(rule.evaluate(AlertFacts.weighing(TODAY, EarTag.of("CO-3"), null, null)).isEmpty());
    }
}

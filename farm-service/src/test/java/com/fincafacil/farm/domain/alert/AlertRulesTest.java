package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AlertType;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Kilograms;
import com.fincafacil.farm.domain.Weighing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlertRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void all_rules_are_in_force() {
        assertEquals(4, AlertRules.all().size());
    }

    @Test
    void every_rule_that_matches_contributes_its_candidates() {
        AlertFacts facts = new AlertFacts(TODAY, EarTag.of("CO-1"), AnimalStatus.ACTIVO,
                new Weighing(TODAY.minusDays(30), Kilograms.of("400")), new Weighing(TODAY, Kilograms.of("300")),
                List.of(new TreatmentRecord("Ivermectina", TODAY.minusDays(90), TODAY.minusDays(5))), null, null);

        List<AlertType> types = AlertRules.evaluate(facts).stream().map(AlertCandidate::type).toList();

        assertEquals(List.of(AlertType.ALTA, AlertType.ALTA), types);
    }

    @Test
    void confidence_outside_zero_to_one_is_a_bug() {
        assertThrows(IllegalArgumentException.class, () -> new AlertCandidate(AlertType.BAJA, "X", "m", 1.01));
        assertThrows(IllegalArgumentException.class, () -> new AlertCandidate(AlertType.BAJA, "X", "m", Double.NaN));
    }
}

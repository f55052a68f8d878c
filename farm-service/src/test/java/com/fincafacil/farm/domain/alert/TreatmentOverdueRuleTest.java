package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AlertType;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.EarTag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreatmentOverdueRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final EarTag TAG = EarTag.of("CO-1");
    private final TreatmentOverdueRule rule = new TreatmentOverdueRule();

    private List<AlertCandidate> evaluate(AnimalStatus status, TreatmentRecord... treatments) {
        return rule.evaluate(AlertFacts.treatments(TODAY, TAG, status, List.of(treatments)));
    }

    @Test
    void dose_due_yesterday_and_not_repeated_raises_an_alta_alert() {
        List<AlertCandidate> alerts = evaluate(AnimalStatus.ACTIVO,
                new TreatmentRecord("Ivermectina 1%", TODAY.minusDays(60), TODAY.minusDays(1)));

        assertEquals(1, alerts.size());
        AlertCandidate alert = alerts.get(0);
        assertEquals(AlertType.ALTA, alert.type());
        assertEquals(TreatmentOverdueRule.CODE, alert.code());
        assertEquals(0.85, alert.confianzaIa());
        assertEquals("Animal CO-1: the next dose of Ivermectina 1% was due on 2026-03-14 (1 day overdue).",
                alert.message());
    }

    @Test
    void dose_due_today_is_not_overdue_yet() {
        assertTrue(evaluate(AnimalStatus.ACTIVO,
                new TreatmentRecord("Ivermectina 1%", TODAY.minusDays(60), TODAY)).isEmpty());
    }

    @Test
    void a_later_dose_of_the_same_product_settles_the_overdue_one() {
        assertTrue(evaluate(AnimalStatus.ACTIVO,
                new TreatmentRecord("Ivermectina 1%", TODAY.minusDays(90), TODAY.minusDays(30)),
                new TreatmentRecord(" ivermectina 1% ", TODAY.minusDays(28), TODAY.plusDays(30))).isEmpty());
    }

    @Test
    void a_later_dose_of_another_product_does_not_settle_it() {
        List<AlertCandidate> alerts = evaluate(AnimalStatus.ACTIVO,
                new TreatmentRecord("Ivermectina 1%", TODAY.minusDays(90), TODAY.minusDays(30)),
                new TreatmentRecord("Vacuna aftosa", TODAY.minusDays(10), TODAY.plusDays(170)));
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).message().contains("Ivermectina 1%"));
    }

    @Test
    void treatment_without_next_dose_never_becomes_overdue() {
        assertTrue(evaluate(AnimalStatus.ACTIVO, new TreatmentRecord("Oxitetraciclina", TODAY.minusDays(400), null)).isEmpty());
    }

    @Test
    void sold_or_dead_animal_is_not_chased_for_doses() {
        TreatmentRecord overdue = new TreatmentRecord("Ivermectina 1%", TODAY.minusDays(90), TODAY.minusDays(30));
        assertTrue(evaluate(AnimalStatus.VENDIDO, overdue).isEmpty());
        assertTrue(evaluate(AnimalStatus.MUERTO, overdue).isEmpty());
    }
}

package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AlertType;
import com.fincafacil.farm.domain.AnimalStatus;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A repeat dose is overdue: its due date has passed and the same product was not given again
 * since. Only activo animals are chased: a sold or dead animal's schedule no longer matters.
 */
public final class TreatmentOverdueRule implements AlertRule {

    public static final String CODE = "TREATMENT_OVERDUE";

    @Override
    public List<AlertCandidate> evaluate(AlertFacts facts) {
        if (facts.status() != AnimalStatus.ACTIVO) {
            return List.of();
        }
        List<AlertCandidate> alerts = new ArrayList<>();
        for (TreatmentRecord treatment : facts.treatments()) {
            if (isOverdue(treatment, facts) && !repeatedLater(treatment, facts.treatments())) {
                alerts.add(alert(treatment, facts));
            }
        }
        return alerts;
    }

    private static boolean isOverdue(TreatmentRecord treatment, AlertFacts facts) {
        return treatment.nextDueDate() != null && treatment.nextDueDate().isBefore(facts.today());
    }

    private static boolean repeatedLater(TreatmentRecord treatment, List<TreatmentRecord> all) {
        return all.stream().anyMatch(other -> other.productKey().equals(treatment.productKey())
                && other.appliedOn().isAfter(treatment.appliedOn()));
    }

    private static AlertCandidate alert(TreatmentRecord treatment, AlertFacts facts) {
        long days = ChronoUnit.DAYS.between(treatment.nextDueDate(), facts.today());
        String message = "Animal " + facts.earTag() + ": the next dose of " + treatment.product().trim()
                + " was due on " + treatment.nextDueDate() + " (" + days + (days == 1 ? " day" : " days") + " overdue).";
        return new AlertCandidate(AlertType.ALTA, CODE, message, AlertType.ALTA.defaultConfidence());
    }
}

package com.fincafacil.farm.domain.alert;

import java.util.List;

/** The alert rules in force. */
public final class AlertRules {

    private static final List<AlertRule> ALL = List.of(
            new TreatmentOverdueRule(),
            new WeightLossRule(),
            new DeathRule(),
            new SalePriceOutlierRule());

    private AlertRules() {
    }

    public static List<AlertRule> all() {
        return ALL;
    }

    /** Every candidate of every rule, in rule order. */
    public static List<AlertCandidate> evaluate(AlertFacts facts) {
        return ALL.stream().flatMap(rule -> rule.evaluate(facts).stream()).toList();
    }
}

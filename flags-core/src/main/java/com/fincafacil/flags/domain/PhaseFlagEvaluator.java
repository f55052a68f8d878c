package com.fincafacil.flags.domain;

import java.util.List;
import java.util.Optional;

/** Runs the phase rules in order; the first one that decides gives the answer. */
public final class PhaseFlagEvaluator {

    private final List<PhaseRule> rules;

    public PhaseFlagEvaluator() {
        this(PhaseRule.allInOrder());
    }

    public PhaseFlagEvaluator(List<PhaseRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Evaluation evaluate(PhaseFlag flag, EvaluationContext ctx) {
        return rules.stream()
                .map(rule -> rule.decide(flag, ctx))
                .flatMap(Optional::stream)
                .findFirst()
                // only reachable with a rule list that lacks the rollout rule
                .orElseGet(() -> new Evaluation(flag.key(), true, Reason.TARGETING_MATCH,
                        RolloutRule.ALL_CONDITIONS, "Every condition holds."));
    }
}

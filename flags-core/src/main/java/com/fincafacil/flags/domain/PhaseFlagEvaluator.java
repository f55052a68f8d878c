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
        // a plain loop: this runs for every flag of every farm app's poll
        for (PhaseRule rule : rules) {
            Optional<Evaluation> decided = rule.decide(flag, ctx);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        // only reachable with a rule list that lacks the rollout rule
        return new Evaluation(flag.key(), true, Reason.TARGETING_MATCH, RolloutRule.ALL_CONDITIONS, "Every condition holds.");
    }
}

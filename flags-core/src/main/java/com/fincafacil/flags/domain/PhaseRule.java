package com.fincafacil.flags.domain;

import java.util.List;
import java.util.Optional;

/**
 * One condition of a phase flag. A rule either decides the answer or passes (empty) to the next;
 * the first rule that decides wins, so the order is part of the semantics.
 */
public interface PhaseRule {

    Optional<Evaluation> decide(PhaseFlag flag, EvaluationContext ctx);

    /**
     * The cheapest and most absolute conditions first, the rollout last: a finca outside
     * the levels or below the version is told so, not that it lost a coin toss.
     */
    static List<PhaseRule> allInOrder() {
        return List.of(new EnabledRule(), new LevelRule(), new MinimumVersionRule(), new RolloutRule());
    }
}

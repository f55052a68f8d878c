package com.fincafacil.flags.domain;

import java.util.Optional;

/**
 * The last rule, so it always decides: 0 % is off and 100 % is on for everyone who got this far;
 * in between the finca's bucket decides (see {@link Bucketing}).
 */
public final class RolloutRule implements PhaseRule {

    public static final String NAME = "porcentaje_rollout";
    /** At 100 % nothing was left to chance: every condition of the flag held. */
    public static final String ALL_CONDITIONS = "all_conditions";

    @Override
    public Optional<Evaluation> decide(PhaseFlag flag, EvaluationContext ctx) {
        int percentage = flag.porcentajeRollout();
        if (percentage == 0) {
            return Optional.of(new Evaluation(flag.key(), false, Reason.SPLIT, NAME,
                    "The rollout is at 0 %, so no finca gets the flag yet."));
        }
        if (percentage == 100) {
            return Optional.of(new Evaluation(flag.key(), true, Reason.TARGETING_MATCH, ALL_CONDITIONS,
                    "Every condition holds and the rollout is at 100 %."));
        }
        int bucket = Bucketing.bucket(flag.key(), ctx.fincaId());
        boolean in = bucket < percentage;
        String detail = "Bucket " + bucket + (in ? " is below" : " is not below")
                + " the " + percentage + " % rollout.";
        return Optional.of(new Evaluation(flag.key(), in, Reason.SPLIT, NAME, detail));
    }
}

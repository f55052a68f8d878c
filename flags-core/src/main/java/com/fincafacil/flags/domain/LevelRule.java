package com.fincafacil.flags.domain;

import java.util.Optional;

/** Only fincas at one of the flag's niveles get it. */
public final class LevelRule implements PhaseRule {

    public static final String NAME = "niveles";

    @Override
    public Optional<Evaluation> decide(PhaseFlag flag, EvaluationContext ctx) {
        if (flag.allows(ctx.level())) {
            return Optional.empty();
        }
        return Optional.of(new Evaluation(flag.key(), false, Reason.TARGETING_MATCH, NAME,
                "Level " + ctx.level() + " is not one of the flag's levels " + flag.niveles() + "."));
    }
}

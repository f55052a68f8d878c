package com.fincafacil.flags.domain;

import java.util.Optional;

/** habilitado=false switches the flag off for every finca. */
public final class EnabledRule implements PhaseRule {

    public static final String NAME = "habilitado";

    @Override
    public Optional<Evaluation> decide(PhaseFlag flag, EvaluationContext ctx) {
        if (flag.habilitado()) {
            return Optional.empty();
        }
        return Optional.of(new Evaluation(flag.key(), false, Reason.DISABLED, NAME,
                "The flag is switched off (habilitado=false) for every finca."));
    }
}

package com.fincafacil.flags.domain;

/** An alert level is on for a finca iff it is habilitado and the finca's level reaches nivel_minimo. */
public final class AlertFlagEvaluator {

    public static final String ENABLED_RULE = "habilitado";
    public static final String LEVEL_RULE = "nivel_minimo";

    public Evaluation evaluate(AlertFlag flag, DeploymentLevel level) {
        if (!flag.habilitado()) {
            return new Evaluation(flag.key(), false, Reason.DISABLED, ENABLED_RULE,
                    "The alert level is switched off (habilitado=false) for every finca.");
        }
        boolean on = level.isAtLeast(flag.nivelMinimo());
        String detail = "Level " + level + (on ? " reaches" : " is below")
                + " the minimum level " + flag.nivelMinimo() + ".";
        return new Evaluation(flag.key(), on, Reason.TARGETING_MATCH, LEVEL_RULE, detail);
    }

    public Evaluation evaluate(AlertFlag flag, EvaluationContext ctx) {
        return evaluate(flag, ctx.level());
    }
}

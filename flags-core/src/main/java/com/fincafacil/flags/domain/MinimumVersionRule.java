package com.fincafacil.flags.domain;

import java.util.Optional;

/** An app older than version_minima, or one that did not say its version, does not get the flag. */
public final class MinimumVersionRule implements PhaseRule {

    public static final String NAME = "version_minima";

    @Override
    public Optional<Evaluation> decide(PhaseFlag flag, EvaluationContext ctx) {
        SemVer minimum = flag.versionMinima();
        SemVer app = ctx.appVersion();
        if (minimum == null || (app != null && app.isAtLeast(minimum))) {
            return Optional.empty();
        }
        String detail = app == null
                ? "The app did not send its version and the flag needs " + minimum + " or later."
                : "App version " + app + " is below the minimum " + minimum + ".";
        return Optional.of(new Evaluation(flag.key(), false, Reason.TARGETING_MATCH, NAME, detail));
    }
}

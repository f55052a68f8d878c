package com.fincafacil.flags.client;

import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.EvaluationContext;
import com.fincafacil.flags.domain.SemVer;

import java.util.Optional;

/**
 * Checks a {@link FlagContext} with flags-service's own rules (OfrepContext), so a context it would
 * refuse is answered here and never counted as flags-service failing.
 */
final class FlagContexts {

    /** Exactly one of the two is set. */
    record Checked(EvaluationContext context, String problem) {
    }

    private FlagContexts() {
    }

    static Checked check(FlagContext context) {
        if (context == null) {
            return invalid("No context was given.");
        }
        if (context.fincaId() == null || context.fincaId().isBlank()) {
            return invalid("The context needs the finca id (targeting key).");
        }
        Optional<DeploymentLevel> level = DeploymentLevel.parse(context.level());
        if (level.isEmpty()) {
            return invalid("Level " + context.level() + " is not one of " + DeploymentLevel.allWireNames() + ".");
        }
        SemVer version = null;
        if (context.appVersion() != null) {
            version = SemVer.parse(context.appVersion()).orElse(null);
            if (version == null) {
                return invalid("App version " + context.appVersion() + " is not a semantic version such as 1.2.0.");
            }
        }
        return new Checked(new EvaluationContext(context.fincaId(), level.get(), version), null);
    }

    /** The cache key: everything the answers depend on. */
    static String cacheKey(EvaluationContext context) {
        return context.fincaId() + '\u0000' + context.level().wireName() + '\u0000' + context.appVersion();
    }

    private static Checked invalid(String problem) {
        return new Checked(null, problem);
    }
}

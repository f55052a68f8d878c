package com.fincafacil.flags.domain;

import java.util.Objects;

/**
 * Who is asking: the finca (OFREP targeting key), its deployment level and, when the app sent it,
 * its version. A missing app version fails any version_minima, since we cannot prove it is met.
 */
public record EvaluationContext(String fincaId, DeploymentLevel level, SemVer appVersion) {

    public EvaluationContext {
        if (fincaId == null || fincaId.isBlank()) {
            throw new IllegalArgumentException("fincaId (targeting key) is required");
        }
        Objects.requireNonNull(level, "level");
    }

    public static EvaluationContext of(String fincaId, DeploymentLevel level) {
        return new EvaluationContext(fincaId, level, null);
    }
}

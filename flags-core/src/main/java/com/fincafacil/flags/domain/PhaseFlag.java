package com.fincafacil.flags.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A module switch from {@code FASES}: on for a finca iff habilitado, its level is in niveles,
 * its app version is at least versionMinima, and its bucket is below porcentajeRollout.
 * niveles keeps the file's order so that an export reproduces the file.
 *
 * @param versionMinima null when the flag does not depend on the app version
 * @param notas         free text for operators, null when absent
 */
public record PhaseFlag(String key, boolean habilitado, List<DeploymentLevel> niveles, int porcentajeRollout,
                        SemVer versionMinima, String notas) implements Flag {

    public PhaseFlag {
        FlagKeys.requireValid(key);
        niveles = List.copyOf(niveles);
        if (new HashSet<>(niveles).size() != niveles.size()) {
            throw new IllegalArgumentException("niveles lists a level twice: " + niveles);
        }
        if (porcentajeRollout < 0 || porcentajeRollout > 100) {
            throw new IllegalArgumentException("porcentaje_rollout must be 0..100: " + porcentajeRollout);
        }
    }

    public boolean allows(DeploymentLevel level) {
        return niveles.contains(Objects.requireNonNull(level));
    }

    public PhaseFlag withPorcentajeRollout(int percentage) {
        return new PhaseFlag(key, habilitado, niveles, percentage, versionMinima, notas);
    }

    public PhaseFlag withHabilitado(boolean enabled) {
        return new PhaseFlag(key, enabled, niveles, porcentajeRollout, versionMinima, notas);
    }
}

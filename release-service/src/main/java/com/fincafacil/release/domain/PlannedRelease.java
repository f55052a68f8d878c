package com.fincafacil.release.domain;

import com.fincafacil.flags.domain.SemVer;

import java.util.List;
import java.util.Optional;

/**
 * A release as planned: a strict semantic version, its kind and its changes. Its version must be
 * above the running one, and its kind must say what the version step is: a new major is
 * {@code major}, a new minor {@code minor}, a new patch {@code patch} or {@code hotfix}.
 */
public record PlannedRelease(SemVer version, ReleaseKind kind, List<Change> changes) {

    /** Why a plan does not fit the running version; {@code field} names what to fix. */
    public record Misfit(String field, String reason, String code, java.util.Map<String, Object> facts) {
    }

    public static Optional<SemVer> parseVersion(String text) {
        return SemVer.parse(text);
    }

    /** Empty when {@code version} of {@code kind} may follow {@code running} (none running: anything goes). */
    public static Optional<Misfit> checkAgainst(SemVer version, ReleaseKind kind, Optional<SemVer> running) {
        if (running.isEmpty()) {
            return Optional.empty();
        }
        SemVer now = running.get();
        if (version.compareTo(now) <= 0) {
            return Optional.of(new Misfit("version", version + " is not above the running version " + now + ".", "version_not_above_running",
                    java.util.Map.of("version", version.toString(), "running", now.toString())));
        }
        ReleaseKind step = version.major() != now.major() ? ReleaseKind.MAJOR
                : version.minor() != now.minor() ? ReleaseKind.MINOR : ReleaseKind.PATCH;
        boolean fits = kind == step || (step == ReleaseKind.PATCH && kind == ReleaseKind.HOTFIX);
        if (!fits) {
            return Optional.of(new Misfit("kind", "from " + now + " to " + version + " is a " + step.wireName()
                    + " step, not a " + kind.wireName() + (step == ReleaseKind.PATCH ? " (or a hotfix)." : "."), "kind_does_not_fit_step",
                    java.util.Map.of("version", version.toString(), "running", now.toString(), "step", step.wireName(), "kind", kind.wireName())));
        }
        return Optional.empty();
    }
}

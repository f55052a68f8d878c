package com.fincafacil.release.domain;

import java.util.List;
import java.util.Optional;

/**
 * The blue-green release as an ordered list of states, each reached by one idempotent step (the
 * shape of Argo's blue-green reconcile): a step may run again after a crash and do no harm.
 */
public final class ReleaseSteps {

    public static final List<ReleaseState> HAPPY_PATH = List.of(ReleaseState.PLANNED, ReleaseState.CHECKED,
            ReleaseState.BACKED_UP, ReleaseState.MIGRATED, ReleaseState.DEPLOYED, ReleaseState.VERIFIED,
            ReleaseState.SWITCHED, ReleaseState.MONITORING, ReleaseState.COMPLETED);

    private ReleaseSteps() {
    }

    /** The state the next step reaches; empty when the release has ended. */
    public static Optional<ReleaseState> next(ReleaseState state) {
        int i = HAPPY_PATH.indexOf(state);
        return i < 0 || i == HAPPY_PATH.size() - 1 ? Optional.empty() : Optional.of(HAPPY_PATH.get(i + 1));
    }

    public static boolean ended(ReleaseState state) {
        return state == ReleaseState.COMPLETED || state == ReleaseState.ROLLED_BACK || state == ReleaseState.FAILED;
    }

    /** Before the switch, traffic never moved: failing leaves the previous version serving. */
    public static boolean beforeSwitch(ReleaseState state) {
        return HAPPY_PATH.indexOf(state) >= 0 && HAPPY_PATH.indexOf(state) < HAPPY_PATH.indexOf(ReleaseState.SWITCHED);
    }
}

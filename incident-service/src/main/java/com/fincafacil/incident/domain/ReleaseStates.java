package com.fincafacil.incident.domain;

import java.util.Comparator;
import java.util.List;

/** The release flow's states in order (design.md), to sort one release's events whatever order they came in. */
public final class ReleaseStates {

    public static final List<String> FLOW = List.of("PLANNED", "CHECKED", "BACKED_UP", "MIGRATED", "DEPLOYED", "VERIFIED",
            "SWITCHED", "MONITORING", "COMPLETED", "ROLLING_BACK", "ROLLED_BACK", "FAILED");

    /** By time, then by the flow's order (two entries of one instant), then by id: the same order on every read. */
    public static final Comparator<ReleaseEvent> CHRONOLOGICAL = Comparator.comparing(ReleaseEvent::at)
            .thenComparingInt(e -> rank(e.state()))
            .thenComparing(ReleaseEvent::eventId);

    private ReleaseStates() {
    }

    public static int rank(String state) {
        int i = FLOW.indexOf(state);
        return i < 0 ? FLOW.size() : i;
    }

    /** True for states in which farm traffic has reached the new version (SWITCHED and after, the rollback included). */
    public static boolean afterSwitch(String state) {
        int rank = rank(state);
        return rank >= rank("SWITCHED") && rank <= rank("ROLLED_BACK");
    }
}

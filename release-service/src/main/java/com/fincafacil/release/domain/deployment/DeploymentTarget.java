package com.fincafacil.release.domain.deployment;

import java.util.List;
import java.util.Optional;

/**
 * Where farm-service versions run: two slots behind one traffic switch. One port, two adapters
 * (the local launcher's control API; Kubernetes through fabric8), with the same meaning:
 * every verb is idempotent, and a verb the current state forbids is a {@link TargetRefusal}.
 */
public interface DeploymentTarget {

    List<String> SLOTS = List.of("blue", "green");

    /** Both slots, as the target sees them now. */
    List<SlotStatus> slots();

    /** The slot farm traffic goes to, if one does. */
    Optional<String> activeSlot();

    /**
     * Runs {@code version} in {@code slot} and returns once it is ready. {@code artifact} is what
     * the target runs: a stored version label locally, an image reference on Kubernetes.
     * Refused for the active slot.
     */
    SlotStatus deploy(String slot, String version, String artifact);

    /** Drains and stops {@code slot}; refused for the active slot. */
    SlotStatus stop(String slot);

    /** Sends farm traffic to {@code slot}; refused unless it is ready. */
    void switchTo(String slot);

    /** Runs {@code artifact}'s migrations on the farm database in farm-service's migrate-and-exit mode, and waits. */
    default MigrationRun migrate(String version, String artifact) {
        return migrate(version, artifact, null);
    }

    /**
     * The same on {@code database}, a {@code scratch_…} database on the farm database's server
     * (null: the farm database): a release classifies its migrations by migrating two of them.
     */
    MigrationRun migrate(String version, String artifact, String database);

    /**
     * Whether {@code artifact} always names the same contents, so what its migrations build can be
     * remembered: a stored version label locally (the store refuses other contents under a label),
     * an image pinned by digest on Kubernetes. A tag can move, so by default nothing is remembered.
     */
    default boolean immutable(String artifact) {
        return false;
    }

    /**
     * When a fault injected into {@code slot}'s traffic began, if the target injects faults and one
     * is active (the local entry does; on Kubernetes that is the mesh's, not known here): the
     * analysis reports its detection time from it.
     */
    default Optional<java.time.Instant> faultInjectedSince(String slot) {
        return Optional.empty();
    }

    /** The other slot. */
    static String otherSlot(String slot) {
        return SLOTS.get(1 - SLOTS.indexOf(slot));
    }
}

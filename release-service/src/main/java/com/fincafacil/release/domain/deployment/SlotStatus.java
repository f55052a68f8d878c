package com.fincafacil.release.domain.deployment;

/**
 * One slot: the version it runs (null when it runs none), whether it takes the traffic and is
 * ready, its state in the target's words ({@code running}, {@code starting}, {@code stopped},
 * {@code crashed}, {@code failed}), and the address that reaches it directly (a smoke test's).
 */
public record SlotStatus(String slot, String version, String artifact, boolean active, boolean ready, String state, String url) {
}

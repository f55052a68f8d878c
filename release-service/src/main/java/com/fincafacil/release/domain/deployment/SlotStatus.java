package com.fincafacil.release.domain.deployment;

/**
 * One slot: the version it runs (null when it runs none), whether it takes the traffic and is
 * ready, its state in the target's words ({@code running}, {@code starting}, {@code stopped},
 * {@code crashed}, {@code failed}), the address that reaches it directly (a smoke test's) and
 * since when its process runs (null when the target does not say: the console's uptime).
 */
public record SlotStatus(String slot, String version, String artifact, boolean active, boolean ready, String state, String url,
                         java.time.Instant startedAt) {
}

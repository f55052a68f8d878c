package com.fincafacil.release.domain;

/** The release lifecycle of design.md; later states are reached by the release steps. */
public enum ReleaseState {
    PLANNED, CHECKED, BACKED_UP, MIGRATED, DEPLOYED, VERIFIED, SWITCHED, MONITORING, COMPLETED,
    ROLLING_BACK, ROLLED_BACK, FAILED
}

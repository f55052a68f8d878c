package com.fincafacil.incident.domain;

/** What opened an incident. */
public enum IncidentTrigger {
    /** An operator, by hand. */
    MANUAL,
    /** A release rolled back (automatically or by an operator). */
    ROLLBACK,
    /** A release failed. */
    FAILED_RELEASE,
    /** The analysis saw both slots fail: not the new version's fault, a shared outage. */
    SHARED_OUTAGE,
    /** A hotfix went out: a critical production bug (the seed's hotfix policy). */
    HOTFIX
}

package com.fincafacil.incident.domain;

/** OPEN → ACKNOWLEDGED → RESOLVED (an incident may be resolved without an acknowledgement). */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}

package com.fincafacil.incident.domain;

/** Incident severity, SEV1 the worst. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4
}

package com.fincafacil.flags.domain;

/** Why a flag has its value, named as OFREP/OpenFeature name reasons; {@code name()} goes on the wire. */
public enum Reason {
    /** A rule about who the finca is decided (level, version, or a 100 % rollout). */
    TARGETING_MATCH,
    /** The finca's bucket decided a partial rollout. */
    SPLIT,
    /** The flag is switched off for everyone. */
    DISABLED,
    /** The value is a fallback: no live evaluation was possible (degraded mode). */
    DEFAULT,
    /** The flag could not be evaluated (unknown flag, bad context). */
    ERROR
}

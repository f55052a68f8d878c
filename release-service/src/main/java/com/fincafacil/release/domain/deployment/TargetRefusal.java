package com.fincafacil.release.domain.deployment;

import java.util.List;

/** A target verb that was refused or failed, with why and the target's own last log lines. */
public final class TargetRefusal extends RuntimeException {

    /** What kind of no it is; the release step decides what follows (fail, retry, wait). */
    public enum Kind { NOT_FOUND, CONFLICT, FAILED, TIMED_OUT, UNREACHABLE }

    private final Kind kind;
    private final List<String> log;

    public TargetRefusal(Kind kind, String message, List<String> log) {
        super(message);
        this.kind = kind;
        this.log = List.copyOf(log);
    }

    public TargetRefusal(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<String> log() {
        return log;
    }
}

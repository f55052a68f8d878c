package com.fincafacil.release.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One item of a release's checklist: automated (release-service checks it) or an acknowledgement
 * (an operator vouches for it). A release cannot pass a failing gate.
 */
public record Gate(String name, Kind kind, Status status, String detail) {

    public enum Kind { AUTOMATED, ACKNOWLEDGEMENT }

    /** {@code NOT_RUN}: the check has nothing to look at yet (the go-live drill before drills exist). */
    public enum Status { PASSED, FAILED, PENDING, NOT_RUN }

    public static Gate passed(String name, String detail) {
        return new Gate(name, Kind.AUTOMATED, Status.PASSED, detail);
    }

    public static Gate failed(String name, String detail) {
        return new Gate(name, Kind.AUTOMATED, Status.FAILED, detail);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind.name());
        m.put("status", status.name());
        m.put("detail", detail);
        return m;
    }

    /** The failing gates in one sentence, for the release's FAILED entry. */
    public static String failures(List<Gate> gates) {
        return "gates failed: " + String.join("; ", gates.stream().filter(Gate::failed)
                .map(g -> g.name() + ": " + g.detail()).toList());
    }
}

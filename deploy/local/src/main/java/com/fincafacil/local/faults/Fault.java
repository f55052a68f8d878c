package com.fincafacil.local.faults;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** A fault in force: what was asked, its id, and from when until when it holds. */
public record Fault(String id, FaultRequest spec, Instant createdAt, Instant expiresAt) {

    /** A new fault (or freeze) id: short enough to type, random enough for one machine. */
    public static String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static Fault of(FaultRequest spec, Instant now) {
        return new Fault(newId(), spec, now, now.plusSeconds(spec.durationSeconds()));
    }

    public String slot() {
        return spec.slot();
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether this request is one of the fault's {@code percentage}; {@code uniform} is in [0, 1). */
    public boolean drawn(double uniform) {
        return uniform * 100 < spec.percentage();
    }

    /** {@code {id, kind, slot, percentage, status|delayMs, method?, path?, createdAt, expiresAt}}. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("id", id).put("kind", spec.kind().json()).put("slot", spec.slot())
                .put("percentage", spec.percentage());
        if (spec.kind() == FaultRequest.Kind.ABORT) {
            json.put("status", spec.status());
        } else {
            json.put("delayMs", spec.delayMs());
        }
        if (spec.method() != null) {
            json.put("method", spec.method());
        }
        if (spec.path() != null) {
            json.put("path", spec.path().pattern());
        }
        return json.put("createdAt", createdAt.toString()).put("expiresAt", expiresAt.toString());
    }
}

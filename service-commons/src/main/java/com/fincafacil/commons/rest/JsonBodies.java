package com.fincafacil.commons.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.refusal.Refusal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON the way a request body is read: every problem noted ({@link BodyErrors}) and refused
 * once, listing them all. The body reader uses it, and so does a request that carries bodies of
 * its own (an offline batch's operations), so each is refused in the same words as on its route.
 */
public final class JsonBodies {

    /** A read that may fail the way Jackson fails. */
    @FunctionalInterface
    interface Read<T> {
        T read() throws IOException;
    }

    private JsonBodies() {
    }

    /** {@code json} as a {@code type}; a refusal listing every problem, with fields named from its root. */
    public static <T> T read(ObjectMapper mapper, JsonNode json, Class<T> type) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw Refusal.invalid(null, "body_required");
        }
        try {
            return collecting(() -> mapper.treeToValue(json, type));
        } catch (IOException e) {
            throw Refusal.invalid(null, "unreadable_body");
        }
    }

    /** Runs {@code read} noting every problem; refuses once with all of them, or rethrows what it cannot name. */
    static <T> T collecting(Read<T> read) throws IOException {
        List<Refusal.Reason> found = BodyErrors.start();
        T value;
        try {
            value = read.read();
        } catch (IOException | RuntimeException e) {
            Refusal last = BodyProblems.of(e instanceof jakarta.ws.rs.WebApplicationException w && w.getCause() != null ? w.getCause() : e);
            if (last == null) {
                throw e;
            }
            if (found.isEmpty()) {
                throw last;
            }
            List<Refusal.Reason> all = new ArrayList<>(found);
            all.addAll(last.reasons());
            throw Refusal.invalid(all);
        } finally {
            BodyErrors.stop();
        }
        if (!found.isEmpty()) {
            throw Refusal.invalid(found);
        }
        return value;
    }
}

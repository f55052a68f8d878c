package com.fincafacil.local.faults;

import com.fincafacil.local.slots.Refusal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What an operator asks for, checked field by field: a fault on the requests the traffic entry
 * sends to one slot ({@code abort}, {@code delay}: the entry's) or a frozen slot process
 * ({@code freeze}: the launcher's), or the Kafka broker stopped for a while ({@code kafka}: the
 * launcher's; no slot), or a service process killed at once ({@code crash}: the launcher's, which
 * starts it again, as Kubernetes restarts a crashed container). The control API and the entry's admin port both read requests
 * with it, so both refuse the same things in the same words. {@code status} is 0 unless the kind is
 * abort, {@code delayMs} 0 unless it is delay; {@code method} and {@code path} are null for "any";
 * {@code service} is the crashed service's name (a crash has neither slot nor duration), and {@code on}
 * the control verb a crash waits for ({@link ArmedCrashes}; null: at once).
 */
public record FaultRequest(Kind kind, String slot, double percentage, int status, long delayMs,
                           String method, Pattern path, int durationSeconds, String service, ArmedCrashes.Verb on) {

    /** The kinds of fault, as named in JSON. */
    public enum Kind {
        ABORT, DELAY, FREEZE, KAFKA, CRASH;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<Kind, Set<String>> FIELDS = Map.of(
            Kind.ABORT, Set.of("kind", "slot", "percentage", "status", "method", "path", "durationSeconds"),
            Kind.DELAY, Set.of("kind", "slot", "percentage", "delayMs", "method", "path", "durationSeconds"),
            Kind.FREEZE, Set.of("kind", "slot", "durationSeconds"),
            Kind.KAFKA, Set.of("kind", "durationSeconds"),
            Kind.CRASH, Set.of("kind", "service", "on"));
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,20}");

    /**
     * Reads a JSON body. 400 naming the field for bad input, 404 naming {@code slot} for a slot not
     * in {@code slots}; {@code accepted} are the kinds the caller serves.
     */
    public static FaultRequest parse(String json, Collection<String> slots, Set<Kind> accepted) throws Refusal {
        return parse(json, slots, Set.of(), accepted);
    }

    /** The same, with the services a crash may name (404 naming {@code service} for another). */
    public static FaultRequest parse(String json, Collection<String> slots, Collection<String> services, Set<Kind> accepted)
            throws Refusal {
        JsonObject body = object(json);
        Kind kind = kind(body.getValue("kind"), accepted);
        for (String name : body.fieldNames()) {
            if (!FIELDS.get(kind).contains(name)) {
                throw Refusal.badRequest(name, "\"" + name + "\" is not a field of a " + kind.json() + " fault; its fields are "
                        + FIELDS.get(kind).stream().sorted().toList() + ".");
            }
        }
        if (kind == Kind.KAFKA) {
            // the broker, not a slot: every service loses it at once
            return new FaultRequest(kind, null, 100, 0, 0, null, null, (int) number(body, "durationSeconds", 1, 3_600, null, true), null, null);
        }
        if (kind == Kind.CRASH) {
            if (!(body.getValue("service") instanceof String service) || service.isBlank()) {
                throw Refusal.badRequest("service", "\"service\" is required: one of " + services + ".");
            }
            if (!services.contains(service)) {
                throw Refusal.notFound("service", "unknown_service", "No service '" + service + "'; the services are " + services + ".");
            }
            return new FaultRequest(kind, null, 100, 0, 0, null, null, 0, service, on(body));
        }
        if (!(body.getValue("slot") instanceof String slot) || slot.isBlank()) {
            throw Refusal.badRequest("slot", "\"slot\" is required: one of " + slots + ".");
        }
        if (!slots.contains(slot)) {
            throw Refusal.notFound("slot", "unknown_slot", "No slot '" + slot + "'; the slots are " + slots + ".");
        }
        int duration = (int) number(body, "durationSeconds", 1, 86_400, null, true);
        if (kind == Kind.FREEZE) {
            return new FaultRequest(kind, slot, 100, 0, 0, null, null, duration, null, null);
        }
        double percentage = number(body, "percentage", 0, 100, kind == Kind.DELAY ? 100.0 : null, false);
        int status = kind == Kind.ABORT ? (int) number(body, "status", 400, 599, 503.0, true) : 0;
        long delayMs = kind == Kind.DELAY ? (long) number(body, "delayMs", 1, 60_000, null, true) : 0;
        return new FaultRequest(kind, slot, percentage, status, delayMs, method(body), path(body), duration, null, null);
    }

    private static JsonObject object(String json) throws Refusal {
        try {
            Object value = json == null || json.isBlank() ? null : io.vertx.core.json.Json.decodeValue(json);
            if (value instanceof JsonObject body) {
                return body;
            }
        } catch (DecodeException e) {
            // answered below, without the parser's words
        }
        throw Refusal.badRequest(null, "The body must be a JSON object such as {\"kind\": \"abort\", \"slot\": \"green\", "
                + "\"percentage\": 50, \"durationSeconds\": 60}.");
    }

    private static Kind kind(Object value, Set<Kind> accepted) throws Refusal {
        String names = accepted.stream().map(Kind::json).sorted().toList().toString();
        if (value instanceof String s) {
            for (Kind kind : accepted) {
                if (kind.json().equals(s)) {
                    return kind;
                }
            }
        }
        throw Refusal.badRequest("kind", "\"kind\" is required: one of " + names + ".");
    }

    /** A number in [min, max]; {@code fallback} when absent (null: required). */
    private static double number(JsonObject body, String name, double min, double max, Double fallback, boolean whole)
            throws Refusal {
        Object value = body.getValue(name);
        if (value == null && fallback != null) {
            return fallback;
        }
        String rule = "\"" + name + "\" " + (value == null ? "is required and " : "") + "must be "
                + (whole ? "a whole number" : "a number") + " from " + plain(min) + " to " + plain(max) + ".";
        if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
            throw Refusal.badRequest(name, rule);
        }
        double d = n.doubleValue();
        if (d < min || d > max || (whole && d != Math.rint(d))) {
            throw Refusal.badRequest(name, rule);
        }
        return d;
    }

    /** A crash's control verb, or null for a crash at once. */
    private static ArmedCrashes.Verb on(JsonObject body) throws Refusal {
        Object value = body.getValue("on");
        if (value == null) {
            return null;
        }
        java.util.Optional<ArmedCrashes.Verb> verb = value instanceof String s ? ArmedCrashes.Verb.of(s) : java.util.Optional.empty();
        if (verb.isEmpty()) {
            throw Refusal.badRequest("on", "\"on\" must be one of " + java.util.Arrays.stream(ArmedCrashes.Verb.values())
                    .map(ArmedCrashes.Verb::json).toList() + ", or left out to crash at once.");
        }
        return verb.get();
    }

    private static String method(JsonObject body) throws Refusal {
        Object value = body.getValue("method");
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || !METHOD.matcher(s).matches()) {
            throw Refusal.badRequest("method", "\"method\" must be an HTTP method such as POST.");
        }
        return s.toUpperCase(Locale.ROOT);
    }

    private static Pattern path(JsonObject body) throws Refusal {
        Object value = body.getValue("path");
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isEmpty() || s.length() > 500) {
            throw Refusal.badRequest("path", "\"path\" must be a regular expression of at most 500 characters.");
        }
        try {
            return Pattern.compile(s);
        } catch (PatternSyntaxException e) {
            throw Refusal.badRequest("path", "\"path\" is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + ".");
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** True when a request with this method and path (without the query) is one the fault is for. */
    public boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equals(requestMethod)) && (path == null || path.matcher(requestPath).matches());
    }
}

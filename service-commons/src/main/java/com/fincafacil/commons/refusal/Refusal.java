package com.fincafacil.commons.refusal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A use case's "no": what kind of refusal, and each reason with its stable code and the facts
 * that explain it. It names no HTTP status and holds no sentence: the one problem mapper in
 * service-commons turns it into problem+json in the caller's language, from the message bundles.
 */
public final class Refusal extends RuntimeException {

    /**
     * What the refusal says about the request; the mapper picks the status. FAILED is a use case
     * that stopped part-way and undid its work (a restore): the caller is told why, as a 500.
     * PRECONDITION_REQUIRED: a change sent without the version it was based on (If-Match).
     */
    public enum Kind {
        INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE, TOO_LARGE, UNAVAILABLE, FAILED,
        PRECONDITION_REQUIRED
    }

    /** One reason: the field it is about (null for none), its code, and the facts its message names. */
    public record Reason(String field, String code, Map<String, Object> facts, Integer line) {
        public Reason {
            facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        }

        public Reason(String field, String code, Map<String, Object> facts) {
            this(field, code, facts, null);
        }
    }

    /** The fact that picks a code's wording for a case ({@code invalid_format} of a date), not a code of its own. */
    public static final String VARIANT = "variant";

    private final Kind kind;
    private final String code;
    private final List<Reason> reasons;
    private final String summary;
    private final Map<String, Object> summaryFacts;

    /** {@code code} is the refusal's own; with several reasons it is usually {@code invalid_input}. */
    public Refusal(Kind kind, String code, List<Reason> reasons) {
        this(kind, code, reasons, null, Map.of());
    }

    private Refusal(Kind kind, String code, List<Reason> reasons, String summary, Map<String, Object> summaryFacts) {
        // no stack trace: a refusal is an answer, not a bug
        super(code, null, false, false);
        this.kind = kind;
        this.code = code;
        this.reasons = List.copyOf(reasons);
        this.summary = summary;
        this.summaryFacts = summaryFacts;
    }

    /** The same refusal whose detail is the message {@code <summary>.detail} ("the file has 3 errors; nothing was imported"). */
    public Refusal summarized(String summary, Object... facts) {
        return new Refusal(kind, code, reasons, summary, facts(facts));
    }

    public static Refusal of(Kind kind, String field, String code, Object... facts) {
        return new Refusal(kind, code, List.of(new Reason(field, code, facts(facts))));
    }

    public static Refusal invalid(String field, String code, Object... facts) {
        return of(Kind.INVALID, field, code, facts);
    }

    /** Several field problems at once; with one, the refusal takes its code. */
    public static Refusal invalid(List<Reason> reasons) {
        return new Refusal(Kind.INVALID, reasons.size() == 1 ? reasons.get(0).code() : "invalid_input", reasons);
    }

    public static Refusal notFound(String code, Object... facts) {
        return of(Kind.NOT_FOUND, null, code, facts);
    }

    public static Refusal conflict(String field, String code, Object... facts) {
        return of(Kind.CONFLICT, field, code, facts);
    }

    public static Refusal unprocessable(String field, String code, Object... facts) {
        return of(Kind.UNPROCESSABLE, field, code, facts);
    }

    public static Refusal forbidden(String code, Object... facts) {
        return of(Kind.FORBIDDEN, null, code, facts);
    }

    /** Name-value pairs: {@code facts("earTag", "CO-1", "today", date)}. */
    public static Map<String, Object> facts(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("facts come in name-value pairs");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], pairs[i + 1]);
        }
        return facts;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Reason> reasons() {
        return reasons;
    }

    /** The message key of the whole refusal's detail, or null to tell its reasons. */
    public String summary() {
        return summary;
    }

    public Map<String, Object> summaryFacts() {
        return summaryFacts;
    }
}

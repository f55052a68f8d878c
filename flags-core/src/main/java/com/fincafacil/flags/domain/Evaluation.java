package com.fincafacil.flags.domain;

import java.util.Objects;

/**
 * The answer for one flag and one finca, with the reason, the rule that decided
 * (a flag-file field name such as "niveles", or "all_conditions") and a sentence for humans.
 */
public record Evaluation(String flagKey, boolean value, Reason reason, String rule, String detail) {

    public static final String RULE_DEFAULT = "default";
    public static final String RULE_ERROR = "error";

    public Evaluation {
        Objects.requireNonNull(flagKey, "flagKey");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    /** A fallback value given without a live evaluation (last known answer or the file's default). */
    public static Evaluation ofDefault(String flagKey, boolean value, String detail) {
        return new Evaluation(flagKey, value, Reason.DEFAULT, RULE_DEFAULT, detail);
    }

    /** The flag could not be evaluated; off is the safe value. */
    public static Evaluation ofError(String flagKey, String detail) {
        return new Evaluation(flagKey, false, Reason.ERROR, RULE_ERROR, detail);
    }
}

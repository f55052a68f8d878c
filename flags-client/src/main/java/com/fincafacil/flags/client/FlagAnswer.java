package com.fincafacil.flags.client;

/**
 * One flag's answer for one context.
 *
 * @param reason the OFREP reason ({@code TARGETING_MATCH}, {@code SPLIT}, {@code DISABLED}); {@code DEFAULT}
 *               for a fallback answer (source LAST_KNOWN or FILE_DEFAULT); {@code ERROR} when the flag could
 *               not be evaluated (unknown flag, invalid context, no defaults), always with enabled=false
 * @param rule   the rule that decided, as in docs/flags-evaluation.md ({@code niveles}, {@code all_conditions},
 *               {@code default}, {@code flag_not_found}, ...)
 * @param detail a sentence for humans
 */
public record FlagAnswer(String key, boolean enabled, String reason, String rule, String detail, AnswerSource source) {

    public static final String REASON_ERROR = "ERROR";
    public static final String REASON_DEFAULT = "DEFAULT";
    public static final String RULE_NOT_FOUND = "flag_not_found";
    public static final String RULE_INVALID_CONTEXT = "invalid_context";
    public static final String RULE_DEFAULT = "default";
    public static final String RULE_NO_DEFAULTS = "defaults_unavailable";

    static FlagAnswer error(String key, String rule, String detail, AnswerSource source) {
        return new FlagAnswer(key, false, REASON_ERROR, rule, detail, source);
    }

    FlagAnswer withSource(AnswerSource newSource) {
        return new FlagAnswer(key, enabled, reason, rule, detail, newSource);
    }
}

package com.fincafacil.flags.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every flag's answer for one context, in flags-service's order, from one source. A key that is
 * not there answers off with reason ERROR, so asking about any flag always gets an answer.
 */
final class AnswerSet {

    private final Map<String, FlagAnswer> answers;
    private final AnswerSource source;
    private final String missingRule;
    private final String missingDetail;

    private AnswerSet(Map<String, FlagAnswer> answers, AnswerSource source, String missingRule, String missingDetail) {
        this.answers = answers;
        this.source = source;
        this.missingRule = missingRule;
        this.missingDetail = missingDetail;
    }

    /** Answers as given; each answer's own source is kept. */
    static AnswerSet of(List<FlagAnswer> list, AnswerSource source) {
        Map<String, FlagAnswer> map = new LinkedHashMap<>();
        list.forEach(answer -> map.putIfAbsent(answer.key(), answer));
        return new AnswerSet(Collections.unmodifiableMap(map), source, FlagAnswer.RULE_NOT_FOUND, null);
    }

    /** No flag can be answered: each key, known or not, answers off with this rule and detail. */
    static AnswerSet unavailable(List<String> keys, String rule, String detail, AnswerSource source) {
        Map<String, FlagAnswer> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key, FlagAnswer.error(key, rule, detail, source)));
        return new AnswerSet(Collections.unmodifiableMap(map), source, rule, detail);
    }

    AnswerSource source() {
        return source;
    }

    boolean has(String key) {
        return answers.containsKey(key);
    }

    FlagAnswer answer(String key) {
        FlagAnswer answer = answers.get(key);
        if (answer != null) {
            return answer;
        }
        String detail = missingDetail != null ? missingDetail : "No flag named " + key + ".";
        return FlagAnswer.error(key, missingRule, detail, source);
    }

    Map<String, FlagAnswer> all() {
        return answers;
    }

    List<String> keys() {
        return List.copyOf(answers.keySet());
    }

    /** The same answers under another source (a live answer reused from the cache). */
    AnswerSet withSource(AnswerSource newSource) {
        return rewrite(newSource, null);
    }

    /**
     * The last live answers given again while flags-service is unreachable: reason DEFAULT, rule
     * "default" (docs/flags-evaluation.md), the value unchanged and the original detail kept.
     */
    AnswerSet asLastKnown() {
        return rewrite(AnswerSource.LAST_KNOWN, "flags-service is unreachable; last known answer: ");
    }

    private AnswerSet rewrite(AnswerSource newSource, String fallbackPrefix) {
        Map<String, FlagAnswer> map = new LinkedHashMap<>();
        answers.forEach((key, answer) -> map.put(key, fallbackPrefix == null || FlagAnswer.REASON_ERROR.equals(answer.reason())
                ? answer.withSource(newSource)
                : new FlagAnswer(key, answer.enabled(), FlagAnswer.REASON_DEFAULT, FlagAnswer.RULE_DEFAULT,
                        fallbackPrefix + answer.detail(), newSource)));
        return new AnswerSet(Collections.unmodifiableMap(map), newSource, missingRule, missingDetail);
    }
}

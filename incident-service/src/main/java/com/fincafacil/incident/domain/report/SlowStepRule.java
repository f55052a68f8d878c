package com.fincafacil.incident.domain.report;

import java.util.Optional;

/**
 * When a step took "much longer than its usual time": at least {@code factor} times the usual
 * (the median of earlier releases) and at least {@code minExtraMillis} more, so a 1 s step that
 * took 3 s is not reported.
 */
public record SlowStepRule(double factor, long minExtraMillis) {

    public Optional<String> judge(String state, long tookMillis, Long usualMillis) {
        if (usualMillis == null || usualMillis <= 0) {
            return Optional.empty();
        }
        if (tookMillis >= factor * usualMillis && tookMillis - usualMillis >= minExtraMillis) {
            return Optional.of(SpanishText.step(state) + " tomó " + SpanishText.seconds(tookMillis) + " seg (normal: "
                    + SpanishText.seconds(usualMillis) + "s)");
        }
        return Optional.empty();
    }
}

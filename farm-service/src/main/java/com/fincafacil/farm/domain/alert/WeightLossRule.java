package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AlertType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The animal lost 10 % or more of its weight since its previous weighing (MEDIA), 20 % or more
 * (ALTA). The bigger the drop, the less likely it is scale noise, so confidence grows with it.
 */
public final class WeightLossRule implements AlertRule {

    public static final String CODE = "WEIGHT_LOSS";
    private static final BigDecimal MEDIA_DROP = new BigDecimal("0.10");
    private static final BigDecimal ALTA_DROP = new BigDecimal("0.20");

    @Override
    public List<AlertCandidate> evaluate(AlertFacts facts) {
        if (facts.previousWeighing() == null || facts.newWeighing() == null) {
            return List.of();
        }
        BigDecimal previous = facts.previousWeighing().weight().value();
        BigDecimal current = facts.newWeighing().weight().value();
        // exact decimal arithmetic: a drop of exactly 10 % must fire, whatever the doubles say
        BigDecimal drop = previous.subtract(current).divide(previous, MathContext.DECIMAL64);
        if (drop.compareTo(MEDIA_DROP) < 0) {
            return List.of();
        }
        AlertType type = drop.compareTo(ALTA_DROP) >= 0 ? AlertType.ALTA : AlertType.MEDIA;
        double confidence = Confidence.capped(0.6 + drop.doubleValue(), 0.99);
        return List.of(new AlertCandidate(type, CODE, message(facts, drop), confidence));
    }

    private static String message(AlertFacts facts, BigDecimal drop) {
        BigDecimal percent = drop.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        return "Animal " + facts.earTag() + " lost " + percent.toPlainString() + " % of its weight: "
                + facts.previousWeighing().weight() + " on " + facts.previousWeighing().date() + ", "
                + facts.newWeighing().weight() + " on " + facts.newWeighing().date() + ".";
    }
}

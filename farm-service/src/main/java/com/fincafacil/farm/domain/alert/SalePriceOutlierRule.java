package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AlertType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A sale price more than 40 % away from the finca's average sale price: often a typo (a missing
 * zero) rather than a real price. Needs at least 3 earlier sales for the average to mean anything.
 */
public final class SalePriceOutlierRule implements AlertRule {

    public static final String CODE = "SALE_PRICE_OUTLIER";
    public static final int MIN_PRIOR_SALES = 3;
    private static final BigDecimal MAX_DEVIATION = new BigDecimal("0.40");

    @Override
    public List<AlertCandidate> evaluate(AlertFacts facts) {
        SaleFacts sale = facts.sale();
        if (sale == null || sale.fincaPriorSales() < MIN_PRIOR_SALES
                || sale.fincaAveragePriceCop() == null || sale.fincaAveragePriceCop().signum() <= 0) {
            return List.of();
        }
        BigDecimal average = sale.fincaAveragePriceCop();
        BigDecimal deviation = sale.price().value().subtract(average).abs().divide(average, MathContext.DECIMAL64);
        if (deviation.compareTo(MAX_DEVIATION) <= 0) {
            return List.of();
        }
        // 0.70 just past the threshold, up to 0.95 for a price 90 % or more off the average
        double confidence = Confidence.capped(0.5 + deviation.doubleValue() / 2, 0.95);
        return List.of(new AlertCandidate(AlertType.BAJA, CODE, message(facts, deviation), confidence));
    }

    private static String message(AlertFacts facts, BigDecimal deviation) {
        SaleFacts sale = facts.sale();
        String direction = sale.price().value().compareTo(sale.fincaAveragePriceCop()) > 0 ? "above" : "below";
        BigDecimal percent = deviation.movePointRight(2).setScale(0, RoundingMode.HALF_UP);
        BigDecimal average = sale.fincaAveragePriceCop().setScale(0, RoundingMode.HALF_UP);
        return "Animal " + facts.earTag() + " was sold for COP " + sale.price().value().toPlainString() + ", "
                + percent.toPlainString() + " % " + direction + " the finca's average of COP "
                + average.toPlainString() + " over " + sale.fincaPriorSales() + " sales. Check the price.";
    }
}

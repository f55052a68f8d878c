package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AlertType;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.PriceCop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalePriceOutlierRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final BigDecimal AVERAGE = new BigDecimal("1000000");
    private final SalePriceOutlierRule rule = new SalePriceOutlierRule();

    private List<AlertCandidate> sold(String price, BigDecimal average, int priorSales) {
        return rule.evaluate(AlertFacts.sale(TODAY, EarTag.of("CO-9"),
                new SaleFacts(PriceCop.of(price), average, priorSales)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1400000", "600000", "1000000", "1399999.99"})
    void price_within_forty_percent_of_the_average_raises_nothing(String price) {
        assertTrue(sold(price, AVERAGE, 3).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"1400001, 0.70", "599999, 0.70", "100000, 0.95", "1600000, 0.80", "4000000, 0.95"})
    void price_more_than_forty_percent_off_raises_a_baja_alert(String price, double confidence) {
        List<AlertCandidate> alerts = sold(price, AVERAGE, 3);

        assertEquals(1, alerts.size());
        assertEquals(AlertType.BAJA, alerts.get(0).type());
        assertEquals(SalePriceOutlierRule.CODE, alerts.get(0).code());
        assertEquals(confidence, alerts.get(0).confianzaIa());
    }

    @Test
    void message_says_how_far_and_which_way() {
        assertEquals("Animal CO-9 was sold for COP 100000, 90 % below the finca's average of COP 1000000 "
                + "over 5 sales. Check the price.", sold("100000", AVERAGE, 5).get(0).message());
    }

    @Test
    void fewer_than_three_prior_sales_make_no_average_to_judge_by() {
        assertTrue(sold("100000", AVERAGE, 2).isEmpty());
        assertTrue(sold("100000", null, 0).isEmpty());
    }

    @Test
    void no_sale_raises_nothing() {
        assertTrue(rule.evaluate(AlertFacts.death(TODAY, EarTag.of("CO-9"), TODAY)).isEmpty());
    }
}

package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AlertType;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Kilograms;
import com.fincafacil.farm.domain.Weighing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightLossRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private final WeightLossRule rule = new WeightLossRule();

    private List<AlertCandidate> weighed(String previousKg, String newKg) {
        return rule.evaluate(AlertFacts.weighing(TODAY, EarTag.of("CO-7"),
                new Weighing(TODAY.minusDays(30), Kilograms.of(previousKg)), new Weighing(TODAY, Kilograms.of(newKg))));
    }

    @Test
    void exactly_ten_percent_drop_raises_a_media_alert() {
        List<AlertCandidate> alerts = weighed("100", "90");

        assertEquals(1, alerts.size());
        assertEquals(AlertType.MEDIA, alerts.get(0).type());
        assertEquals(WeightLossRule.CODE, alerts.get(0).code());
        assertEquals(0.70, alerts.get(0).confianzaIa());
        assertEquals("Animal CO-7 lost 10.0 % of its weight: 100 kg on 2026-02-13, 90 kg on 2026-03-15.",
                alerts.get(0).message());
    }

    @Test
    void exactly_ten_percent_drop_fires_even_where_doubles_would_not() {
        // 0.3 * 0.9 = 0.27 is 0.27000000000000002 in doubles
        assertEquals(1, weighed("0.3", "0.27").size());
    }

    @Test
    void drop_of_nine_point_nine_percent_raises_nothing() {
        assertTrue(weighed("1000", "901").isEmpty());
    }

    @Test
    void weight_gain_raises_nothing() {
        assertTrue(weighed("400", "420").isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"1000, 801, MEDIA", "1000, 800, ALTA", "500, 300, ALTA", "1000, 200, ALTA"})
    void drop_of_twenty_percent_or_more_is_alta(String previous, String current, AlertType type) {
        assertEquals(type, weighed(previous, current).get(0).type());
    }

    @ParameterizedTest
    @CsvSource({"1000, 850, 0.75", "1000, 700, 0.90", "1000, 500, 0.99", "1000, 200, 0.99"})
    void confidence_is_point_six_plus_the_drop_capped_at_point_ninety_nine(String previous, String current,
                                                                            double confidence) {
        assertEquals(confidence, weighed(previous, current).get(0).confianzaIa());
    }

    @Test
    void first_weighing_has_nothing_to_compare_with() {
        assertTrue(rule.evaluate(AlertFacts.weighing(TODAY, EarTag.of("CO-7"), null,
                new Weighing(TODAY, Kilograms.of("300")))).isEmpty());
    }
}

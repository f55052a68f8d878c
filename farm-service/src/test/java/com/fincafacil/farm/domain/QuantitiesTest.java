package com.fincafacil.farm.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuantitiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "2000", "2000.00", "2500"})
    void weight_outside_zero_to_two_thousand_kg_is_refused(String kg) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Kilograms.of(new BigDecimal(kg)));
        assertEquals("weightKg", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "1999.99", "450", "450.5"})
    void weight_inside_the_bounds_is_accepted(String kg) {
        assertEquals(0, new BigDecimal(kg).compareTo(Kilograms.of(kg).value()));
    }

    @Test
    void weight_with_more_than_two_decimals_is_refused() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Kilograms.of("450.125"));
        assertEquals("must have at most 2 decimals", e.getMessage());
    }

    @Test
    void trailing_zeros_are_not_precision() {
        assertEquals(Kilograms.of("450.5"), Kilograms.of("450.500"));
        assertEquals("450", Kilograms.of("450.00").value().toPlainString());
    }

    @Test
    void weight_that_is_not_a_number_is_refused() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Kilograms.of("450kg"));
        assertEquals("weightKg", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "2500000", "2500000.50", "10000000000"})
    void price_of_zero_or_more_pesos_is_accepted(String cop) {
        assertEquals(0, new BigDecimal(cop).compareTo(PriceCop.of(cop).value()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-1000", "100.001"})
    void negative_or_too_precise_price_is_refused(String cop) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> PriceCop.of(cop));
        assertEquals("priceCop", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000000.01", "1e20", "1e999999999"})
    void price_above_the_maximum_is_refused_without_expanding_the_number(String cop) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> PriceCop.of(cop));
        assertEquals("priceCop", e.field());
    }

    @Test
    void an_enormous_weight_is_refused_without_expanding_the_number() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Kilograms.of("1e999999999"));
        assertEquals("weightKg", e.field());
    }

    @Test
    void missing_quantity_is_refused_as_required() {
        assertThrows(InvalidValueException.class, () -> Kilograms.of((BigDecimal) null));
        assertThrows(InvalidValueException.class, () -> PriceCop.of((BigDecimal) null));
    }
}

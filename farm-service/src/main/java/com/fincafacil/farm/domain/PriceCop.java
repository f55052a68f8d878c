package com.fincafacil.farm.domain;

import java.math.BigDecimal;

/**
 * An amount in Colombian pesos: zero to {@link #MAX} (ten thousand million, far above any sale of
 * livestock, well inside the column's NUMERIC(14, 2)), whole pesos or with centavos (scale at most 2).
 */
public record PriceCop(BigDecimal value) implements Comparable<PriceCop> {

    public static final String FIELD = "priceCop";
    public static final BigDecimal MAX = new BigDecimal("10000000000");

    public PriceCop {
        value = Decimals.atMostTwoPlaces(FIELD, value);
        if (value.signum() < 0 || value.compareTo(MAX) > 0) {
            throw new InvalidValueException(FIELD, Decimals.OUT_OF_RANGE, "must be from 0 to 10000000000 pesos");
        }
    }

    public static PriceCop of(BigDecimal cop) {
        return new PriceCop(cop);
    }

    public static PriceCop of(String cop) {
        return new PriceCop(Decimals.parse(FIELD, cop));
    }

    @Override
    public int compareTo(PriceCop other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return "COP " + value.toPlainString();
    }
}

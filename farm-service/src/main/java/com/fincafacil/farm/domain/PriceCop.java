package com.fincafacil.farm.domain;

import java.math.BigDecimal;

/** An amount in Colombian pesos: zero or more, whole pesos or with centavos (scale at most 2). */
public record PriceCop(BigDecimal value) implements Comparable<PriceCop> {

    public static final String FIELD = "priceCop";

    public PriceCop {
        value = Decimals.atMostTwoPlaces(FIELD, value);
        if (value.signum() < 0) {
            throw new InvalidValueException(FIELD, "must be zero or more pesos");
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

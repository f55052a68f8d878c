package com.fincafacil.farm.domain;

import java.math.BigDecimal;

/** A live weight: more than 0 and less than 2,000 kg, to the 10 g (scale at most 2). */
public record Kilograms(BigDecimal value) implements Comparable<Kilograms> {

    public static final String FIELD = "weightKg";
    private static final BigDecimal MAX_EXCLUSIVE = new BigDecimal("2000");

    public Kilograms {
        value = Decimals.atMostTwoPlaces(FIELD, value);
        if (value.signum() <= 0 || value.compareTo(MAX_EXCLUSIVE) >= 0) {
            throw new InvalidValueException(FIELD, Decimals.OUT_OF_RANGE, "must be more than 0 and less than 2000 kg");
        }
    }

    public static Kilograms of(BigDecimal kg) {
        return new Kilograms(kg);
    }

    public static Kilograms of(String kg) {
        return new Kilograms(Decimals.parse(FIELD, kg));
    }

    @Override
    public int compareTo(Kilograms other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " kg";
    }
}

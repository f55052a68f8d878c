package com.fincafacil.farm.domain;

import java.math.BigDecimal;

/** Shared checks of the decimal quantities. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "is required");
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "not_a_number", "must be a number such as 450.5");
        }
    }

    static final String OUT_OF_RANGE = "out_of_range";

    /** More integer digits than this is beyond every quantity's maximum, whatever the quantity. */
    private static final int MAX_INTEGER_DIGITS = 18;

    /** Trailing zeros do not count ("450.500" is 450.5): only real precision beyond centésimas is refused. */
    static BigDecimal atMostTwoPlaces(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // 1e999999999 is short to send but enormous to expand: refuse it before setScale would
        if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidValueException(field, OUT_OF_RANGE, "is far too large");
        }
        if (stripped.scale() > 2) {
            throw new InvalidValueException(field, "too_many_decimals", "must have at most 2 decimals");
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

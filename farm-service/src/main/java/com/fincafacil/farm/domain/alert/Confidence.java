package com.fincafacil.farm.domain.alert;

/** Confidence values are stored as REAL; two decimals keep them readable and comparable. */
final class Confidence {

    private Confidence() {
    }

    static double capped(double value, double max) {
        return Math.round(Math.min(max, value) * 100) / 100.0;
    }
}

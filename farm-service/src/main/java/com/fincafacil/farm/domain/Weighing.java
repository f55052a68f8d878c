package com.fincafacil.farm.domain;

import java.time.LocalDate;
import java.util.Objects;

/** One recorded weight of an animal on a date. */
public record Weighing(LocalDate date, Kilograms weight) {

    public Weighing {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(weight, "weight");
    }
}

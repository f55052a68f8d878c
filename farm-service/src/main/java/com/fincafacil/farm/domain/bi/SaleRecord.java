package com.fincafacil.farm.domain.bi;

import com.fincafacil.farm.domain.PriceCop;

import java.time.LocalDate;
import java.util.Objects;

/** A recorded sale, as BI needs it. */
public record SaleRecord(LocalDate date, PriceCop price) {

    public SaleRecord {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(price, "price");
    }
}

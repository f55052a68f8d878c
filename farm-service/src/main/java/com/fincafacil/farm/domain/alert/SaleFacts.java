package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.PriceCop;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A sale and what the finca's earlier sales looked like.
 *
 * @param fincaAveragePriceCop average price of the finca's earlier sales, null when there were none
 * @param fincaPriorSales      how many sales the average is made of
 */
public record SaleFacts(PriceCop price, BigDecimal fincaAveragePriceCop, int fincaPriorSales) {

    public SaleFacts {
        Objects.requireNonNull(price, "price");
        if (fincaPriorSales < 0) {
            throw new IllegalArgumentException("fincaPriorSales must not be negative");
        }
    }
}

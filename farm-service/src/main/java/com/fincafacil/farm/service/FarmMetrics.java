package com.fincafacil.farm.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.math.BigDecimal;

/** Business signals for release analysis: sales and revenue (a revenue drop can roll a release back). */
@ApplicationScoped
public class FarmMetrics {

    private final Counter sales;
    private final Counter revenue;
    private final TransactionSynchronizationRegistry transactions;

    public FarmMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.sales = Counter.builder("fincafacil.sales").description("Animal sales recorded").register(registry);
        this.revenue = Counter.builder("fincafacil.revenue.cop").description("Revenue of recorded sales, in COP")
                .baseUnit("cop").register(registry);
    }

    /** Counts the sale once its transaction commits, so a rolled-back sale is never counted. */
    public void saleRecorded(BigDecimal priceCop) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sales.increment();
                    revenue.increment(priceCop.doubleValue());
                }
            }
        });
    }
}

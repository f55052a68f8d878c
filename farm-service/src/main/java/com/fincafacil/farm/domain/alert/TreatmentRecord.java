package com.fincafacil.farm.domain.alert;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/** A treatment given to the animal and, when it must be repeated, the date the next dose is due. */
public record TreatmentRecord(String product, LocalDate appliedOn, LocalDate nextDueDate) {

    public TreatmentRecord {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(appliedOn, "appliedOn");
    }

    /** "Ivermectina 1%" and " ivermectina 1% " are the same product. */
    String productKey() {
        return product.trim().toLowerCase(Locale.ROOT);
    }
}

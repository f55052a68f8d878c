package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Weighing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the alert rules look at for one animal at one moment. Fields a caller does not know are
 * null (or empty); the factories build the usual cases.
 *
 * @param status            the animal's status after the event that triggered the check
 * @param previousWeighing  the weighing before {@code newWeighing}
 * @param treatments        every treatment of the animal, in any order
 * @param deathDate         set when a death was just recorded
 * @param sale              set when a sale was just recorded
 */
public record AlertFacts(LocalDate today, EarTag earTag, AnimalStatus status,
                         Weighing previousWeighing, Weighing newWeighing,
                         List<TreatmentRecord> treatments, LocalDate deathDate, SaleFacts sale) {

    public AlertFacts {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(earTag, "earTag");
        Objects.requireNonNull(status, "status");
        treatments = treatments == null ? List.of() : List.copyOf(treatments);
    }

    public static AlertFacts weighing(LocalDate today, EarTag earTag, Weighing previous, Weighing current) {
        return new AlertFacts(today, earTag, AnimalStatus.ACTIVO, previous, current, List.of(), null, null);
    }

    public static AlertFacts treatments(LocalDate today, EarTag earTag, AnimalStatus status,
                                        List<TreatmentRecord> treatments) {
        return new AlertFacts(today, earTag, status, null, null, treatments, null, null);
    }

    public static AlertFacts death(LocalDate today, EarTag earTag, LocalDate deathDate) {
        return new AlertFacts(today, earTag, AnimalStatus.MUERTO, null, null, List.of(), deathDate, null);
    }

    public static AlertFacts sale(LocalDate today, EarTag earTag, SaleFacts sale) {
        return new AlertFacts(today, earTag, AnimalStatus.VENDIDO, null, null, List.of(), null, sale);
    }
}

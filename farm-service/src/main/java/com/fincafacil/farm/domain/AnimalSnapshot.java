package com.fincafacil.farm.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What data quality and BI need to know about one animal, read from storage. Weights are plain
 * {@link BigDecimal}s here: checking stored data must not fail on the very values it is meant to flag.
 *
 * @param birthDate        null when unknown
 * @param currentWeightKg  null when never weighed
 * @param weighings        in any order
 * @param damId            null when the dam is not known
 */
public record AnimalSnapshot(UUID id, EarTag earTag, Species species, Sex sex, LocalDate birthDate,
                             BigDecimal currentWeightKg, AnimalStatus status, List<WeightRecord> weighings, UUID damId) {

    /** A stored weighing, as kept: (date, kg). */
    public record WeightRecord(LocalDate date, BigDecimal kg) {
        public WeightRecord {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(kg, "kg");
        }
    }

    public AnimalSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(earTag, "earTag");
        Objects.requireNonNull(species, "species");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(status, "status");
        weighings = weighings == null ? List.of() : List.copyOf(weighings);
    }

    /** An animal whose dam is not known. */
    public AnimalSnapshot(UUID id, EarTag earTag, Species species, Sex sex, LocalDate birthDate,
                          BigDecimal currentWeightKg, AnimalStatus status, List<WeightRecord> weighings) {
        this(id, earTag, species, sex, birthDate, currentWeightKg, status, weighings, null);
    }

    /** Weighings oldest first. */
    public List<WeightRecord> weighingsByDate() {
        return weighings.stream().sorted(Comparator.comparing(WeightRecord::date)).toList();
    }

    public boolean isActive() {
        return status == AnimalStatus.ACTIVO;
    }
}

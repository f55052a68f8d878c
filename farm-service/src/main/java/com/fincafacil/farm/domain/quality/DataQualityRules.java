package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;

import java.time.LocalDate;
import java.util.List;

/** The data-quality rules of FASE_8_DATA_QUALITY. */
public final class DataQualityRules {

    private static final List<DataQualityRule> ALL = List.of(
            new DuplicateEarTagRule(),
            new ImplausibleWeightRule(),
            new MissingBirthDateRule(),
            new CalfBornBeforeDamRule());

    private DataQualityRules() {
    }

    public static List<DataQualityRule> all() {
        return ALL;
    }

    public static DataQualityReport check(List<AnimalSnapshot> animals, LocalDate today) {
        return DataQualityReport.run(animals, today, ALL);
    }
}

package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;

import java.time.LocalDate;
import java.util.List;

/** One data-quality check over a finca's animals. */
public interface DataQualityRule {

    /** Stable code reported with each issue and in the counts, e.g. DUPLICATE_EAR_TAG. */
    String code();

    List<Issue> check(List<AnimalSnapshot> animals, LocalDate today);
}

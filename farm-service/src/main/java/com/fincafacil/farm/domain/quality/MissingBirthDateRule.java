package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;

import java.time.LocalDate;
import java.util.List;

/** Without a birth date an animal has no age: no category, no plausibility check by age. */
public final class MissingBirthDateRule implements DataQualityRule {

    public static final String CODE = "MISSING_BIRTH_DATE";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Issue> check(List<AnimalSnapshot> animals, LocalDate today) {
        return animals.stream()
                .filter(animal -> animal.birthDate() == null)
                .map(animal -> new Issue(CODE, List.of(animal.id()), List.of(animal.earTag().value()),
                        "Animal " + animal.earTag() + " has no birth date."))
                .toList();
    }
}

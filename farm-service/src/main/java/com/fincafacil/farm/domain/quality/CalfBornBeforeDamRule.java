package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;
import com.fincafacil.farm.domain.DateRules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A calf born on or before its dam's birth date: one of the two dates is wrong (data entered
 * before registration refused it). Both animals are touched, since either date may be the error.
 */
public final class CalfBornBeforeDamRule implements DataQualityRule {

    public static final String CODE = "CALF_BORN_BEFORE_DAM";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Issue> check(List<AnimalSnapshot> animals, LocalDate today) {
        Map<UUID, AnimalSnapshot> byId = animals.stream().collect(Collectors.toMap(AnimalSnapshot::id, Function.identity()));
        return animals.stream()
                .filter(calf -> calf.damId() != null && byId.containsKey(calf.damId()))
                .map(calf -> issue(calf, byId.get(calf.damId())))
                .filter(Objects::nonNull)
                .toList();
    }

    private static Issue issue(AnimalSnapshot calf, AnimalSnapshot dam) {
        if (DateRules.bornAfterDam(calf.birthDate(), dam.birthDate())) {
            return null;
        }
        return new Issue(CODE, List.of(calf.id(), dam.id()), List.of(calf.earTag().value(), dam.earTag().value()),
                "Animal " + calf.earTag() + " was born on " + calf.birthDate() + ", not after its dam "
                        + dam.earTag() + " (born " + dam.birthDate() + ").");
    }
}

package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;
import com.fincafacil.farm.domain.AnimalSnapshot.WeightRecord;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Species;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds animal snapshots for tests: a healthy adult bovino cow unless told otherwise. */
final class Herd {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    private String earTag = "CO-1";
    private Species species = Species.BOVINO;
    private LocalDate birthDate = TODAY.minusYears(4);
    private BigDecimal currentKg;
    private final List<WeightRecord> weighings = new ArrayList<>();

    static Herd animal(String earTag) {
        Herd herd = new Herd();
        herd.earTag = earTag;
        return herd;
    }

    Herd species(Species value) {
        species = value;
        return this;
    }

    Herd born(LocalDate value) {
        birthDate = value;
        return this;
    }

    Herd current(String kg) {
        currentKg = new BigDecimal(kg);
        return this;
    }

    Herd weighed(LocalDate date, String kg) {
        weighings.add(new WeightRecord(date, new BigDecimal(kg)));
        return this;
    }

    AnimalSnapshot build() {
        return new AnimalSnapshot(UUID.nameUUIDFromBytes(earTag.getBytes()), EarTag.of(earTag), species, Sex.HEMBRA,
                birthDate, currentKg, AnimalStatus.ACTIVO, weighings);
    }
}

package com.fincafacil.farm.service.csv;

import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Kilograms;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Species;

import java.time.LocalDate;

/**
 * One valid animal of an import file, defaults applied.
 *
 * @param line       the row's physical line, to report problems found later (e.g. an unknown dam)
 * @param breed      null when not given
 * @param birthDate  null when not given
 * @param damEarTag  null when not given; either another row of the file or an animal the caller must find
 * @param weight     null when not given
 */
public record AnimalRow(int line, EarTag earTag, Species species, String breed, Sex sex, LocalDate birthDate,
                        EarTag damEarTag, Kilograms weight, AnimalStatus status) {
}

package com.fincafacil.farm.domain.bi;

import com.fincafacil.farm.domain.Sex;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

/** The usual Colombian cattle categories by age and sex; SIN_FECHA when the birth date is unknown. */
public enum HerdCategory {
    TERNERO, TERNERA, NOVILLO, NOVILLA, TORO, VACA, SIN_FECHA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Under 1 year: ternero/ternera; 1 to under 3 years: novillo/novilla; 3 years or more: toro/vaca. */
    public static HerdCategory of(Sex sex, LocalDate birthDate, LocalDate today) {
        if (birthDate == null) {
            return SIN_FECHA;
        }
        int years = Period.between(birthDate, today).getYears();
        boolean male = sex == Sex.MACHO;
        if (years < 1) {
            return male ? TERNERO : TERNERA;
        }
        if (years < 3) {
            return male ? NOVILLO : NOVILLA;
        }
        return male ? TORO : VACA;
    }
}

package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.Species;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Generous bounds of a live weight per species: meant to catch typos (a missing or extra digit,
 * grams for kilos), not to judge breeds. Newborn = under 30 days; adult = 1 year or more.
 */
record PlausibleWeight(BigDecimal newbornMinKg, BigDecimal newbornMaxKg, BigDecimal adultMinKg,
                       BigDecimal maxKg, BigDecimal maxDailyChangeKg) {

    static final int NEWBORN_DAYS = 30;
    static final int ADULT_DAYS = 365;

    private static final Map<Species, PlausibleWeight> BY_SPECIES = new EnumMap<>(Map.of(
            Species.BOVINO, of("10", "120", "30", "1400", "3"),
            Species.BUFALINO, of("10", "100", "30", "1300", "3"),
            Species.EQUINO, of("10", "150", "30", "1300", "3"),
            Species.OVINO, of("1", "15", "8", "180", "1"),
            Species.CAPRINO, of("1", "12", "8", "150", "1")));

    static PlausibleWeight of(Species species) {
        return BY_SPECIES.get(species);
    }

    /** A plausible [min, max] and the age band it is for, as said in messages. */
    record Range(BigDecimal minKg, BigDecimal maxKg, String ageBand) {
        boolean contains(BigDecimal kg) {
            return kg.compareTo(minKg) >= 0 && kg.compareTo(maxKg) <= 0;
        }
    }

    /** The range at an age in days; a null or negative age (unknown or wrong birth date) gets the widest. */
    Range rangeAt(Long ageDays) {
        if (ageDays == null || ageDays < 0) {
            return new Range(newbornMinKg, maxKg, "of unknown age");
        }
        if (ageDays < NEWBORN_DAYS) {
            return new Range(newbornMinKg, newbornMaxKg, "under 30 days old");
        }
        if (ageDays >= ADULT_DAYS) {
            return new Range(adultMinKg, maxKg, "1 year old or more");
        }
        return new Range(newbornMinKg, maxKg, "under 1 year old");
    }

    private static PlausibleWeight of(String newbornMin, String newbornMax, String adultMin, String max, String perDay) {
        return new PlausibleWeight(new BigDecimal(newbornMin), new BigDecimal(newbornMax), new BigDecimal(adultMin),
                new BigDecimal(max), new BigDecimal(perDay));
    }
}

package com.fincafacil.farm.domain.bi;

import com.fincafacil.farm.domain.AnimalSnapshot;
import com.fincafacil.farm.domain.AnimalSnapshot.WeightRecord;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.PriceCop;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Species;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HerdKpisTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    private static AnimalSnapshot animal(String tag, Species species, Sex sex, String born, AnimalStatus status,
                                         WeightRecord... weighings) {
        return new AnimalSnapshot(UUID.randomUUID(), EarTag.of("CO-" + tag), species, sex,
                born == null ? null : LocalDate.parse(born), null, status, List.of(weighings));
    }

    private static WeightRecord kg(String date, String kg) {
        return new WeightRecord(LocalDate.parse(date), new BigDecimal(kg));
    }

    private static final List<AnimalSnapshot> HERD = List.of(
            // ternero: 100 -> 190 kg in 90 days = 1.0 kg/day
            animal("A", Species.BOVINO, Sex.MACHO, "2025-09-01", AnimalStatus.ACTIVO,
                    kg("2026-03-01", "190"), kg("2025-12-01", "100")),
            // novilla on her first birthday: 250 -> 265 kg in 30 days = 0.5 kg/day
            animal("B", Species.BOVINO, Sex.HEMBRA, "2025-03-15", AnimalStatus.ACTIVO,
                    kg("2026-01-01", "250"), kg("2026-01-31", "265")),
            animal("C", Species.BOVINO, Sex.HEMBRA, "2020-01-01", AnimalStatus.ACTIVO, kg("2026-01-01", "480")),
            animal("D", Species.BOVINO, Sex.MACHO, "2023-03-16", AnimalStatus.ACTIVO), // one day short of 3 years
            animal("E", Species.BUFALINO, Sex.MACHO, "2023-03-15", AnimalStatus.ACTIVO), // 3 years today
            // no birth date; two weighings on one day give no gain
            animal("F", Species.BOVINO, Sex.HEMBRA, null, AnimalStatus.ACTIVO,
                    kg("2026-02-01", "300"), kg("2026-02-01", "301")),
            // sold: not in the head count, but its gain counts: 300 -> 420 kg in 120 days = 1.0 kg/day
            animal("G", Species.BOVINO, Sex.MACHO, "2022-01-01", AnimalStatus.VENDIDO,
                    kg("2025-01-01", "300"), kg("2025-05-01", "420")),
            animal("H", Species.EQUINO, Sex.HEMBRA, "2018-01-01", AnimalStatus.ACTIVO),
            animal("I", Species.OVINO, Sex.HEMBRA, "2024-01-01", AnimalStatus.MUERTO));

    private static final List<LocalDate> BIRTHS = List.of(LocalDate.parse("2026-03-02"),
            LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-20"), LocalDate.parse("2025-12-31"));

    private static final List<SaleRecord> SALES = List.of(
            new SaleRecord(LocalDate.parse("2026-02-10"), PriceCop.of("2500000")),
            new SaleRecord(LocalDate.parse("2026-02-20"), PriceCop.of("3000000.50")),
            new SaleRecord(LocalDate.parse("2025-11-05"), PriceCop.of("1800000")));

    private final HerdKpis kpis = HerdKpis.compute(HERD, BIRTHS, SALES, TODAY);

    @Test
    void head_count_covers_only_activo_animals() {
        assertEquals(7, kpis.activeHeadCount());
        assertOrdered(ordered("bovino", 5, "bufalino", 1, "ovino", 0, "caprino", 0, "equino", 1),
                kpis.headCountBySpecies());
    }

    @Test
    void activo_cattle_are_counted_by_age_and_sex_category() {
        assertOrdered(ordered("ternero", 1, "ternera", 0, "novillo", 1, "novilla", 1, "toro", 1, "vaca", 1,
                "sin_fecha", 1), kpis.headCountByCategory());
    }

    @Test
    void average_daily_gain_is_the_mean_of_each_animals_first_to_last_gain() {
        assertEquals(new BigDecimal("0.833"), kpis.averageDailyGainKg()); // (1.0 + 0.5 + 1.0) / 3
    }

    @Test
    void average_daily_gain_is_null_when_no_animal_was_weighed_twice() {
        HerdKpis none = HerdKpis.compute(List.of(HERD.get(2)), List.of(), List.of(), TODAY);
        assertNull(none.averageDailyGainKg());
    }

    @Test
    void births_and_revenue_are_summed_per_month_in_month_order() {
        assertOrdered(ordered("2025-12", 1, "2026-01", 2, "2026-03", 1), kpis.birthsPerMonth());
        assertEquals(List.of("2025-11", "2026-02"), List.copyOf(kpis.revenuePerMonthCop().keySet()));
        assertEquals(0, new BigDecimal("1800000").compareTo(kpis.revenuePerMonthCop().get("2025-11")));
        assertEquals(0, new BigDecimal("5500000.50").compareTo(kpis.revenuePerMonthCop().get("2026-02")));
    }

    @Test
    void categories_split_at_the_first_and_third_birthdays() {
        assertEquals(HerdCategory.TERNERA, HerdCategory.of(Sex.HEMBRA, TODAY.minusYears(1).plusDays(1), TODAY));
        assertEquals(HerdCategory.NOVILLA, HerdCategory.of(Sex.HEMBRA, TODAY.minusYears(1), TODAY));
        assertEquals(HerdCategory.NOVILLO, HerdCategory.of(Sex.MACHO, TODAY.minusYears(3).plusDays(1), TODAY));
        assertEquals(HerdCategory.TORO, HerdCategory.of(Sex.MACHO, TODAY.minusYears(3), TODAY));
        assertEquals(HerdCategory.SIN_FECHA, HerdCategory.of(Sex.MACHO, null, TODAY));
    }

    private static void assertOrdered(Map<String, Integer> expected, Map<String, Integer> actual) {
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(actual.entrySet()));
    }

    private static Map<String, Integer> ordered(Object... keysAndCounts) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            map.put((String) keysAndCounts[i], (Integer) keysAndCounts[i + 1]);
        }
        return map;
    }
}

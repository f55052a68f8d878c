package com.fincafacil.farm.domain.bi;

import com.fincafacil.farm.domain.AnimalSnapshot;
import com.fincafacil.farm.domain.AnimalSnapshot.WeightRecord;
import com.fincafacil.farm.domain.Species;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The herd figures of FASE_37_BI_ANALYTICS. Months are "yyyy-MM" keys in ascending order.
 *
 * @param headCountBySpecies   activo animals per species (every species listed)
 * @param headCountByCategory  activo cattle (bovino, bufalino) per {@link HerdCategory} (every category listed):
 *                             the ternero…vaca names mean nothing for sheep or horses
 * @param averageDailyGainKg   mean over animals with 2 or more weighings on different days of
 *                             (last − first) / days, 3 decimals; null when no animal qualifies
 */
public record HerdKpis(int activeHeadCount, Map<String, Integer> headCountBySpecies,
                       Map<String, Integer> headCountByCategory, BigDecimal averageDailyGainKg,
                       Map<String, Integer> birthsPerMonth, Map<String, BigDecimal> revenuePerMonthCop) {

    private static final Set<Species> CATTLE = Set.of(Species.BOVINO, Species.BUFALINO);

    public static HerdKpis compute(List<AnimalSnapshot> animals, List<LocalDate> births, List<SaleRecord> sales,
                                   LocalDate today) {
        List<AnimalSnapshot> active = animals.stream().filter(AnimalSnapshot::isActive).toList();
        return new HerdKpis(active.size(), bySpecies(active), byCategory(active, today), averageDailyGain(animals),
                birthsPerMonth(births), revenuePerMonth(sales));
    }

    private static Map<String, Integer> bySpecies(List<AnimalSnapshot> active) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Species species : Species.values()) {
            counts.put(species.wireName(), 0);
        }
        active.forEach(animal -> counts.merge(animal.species().wireName(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    private static Map<String, Integer> byCategory(List<AnimalSnapshot> active, LocalDate today) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (HerdCategory category : HerdCategory.values()) {
            counts.put(category.wireName(), 0);
        }
        active.stream().filter(animal -> CATTLE.contains(animal.species()))
                .forEach(animal -> counts.merge(
                        HerdCategory.of(animal.sex(), animal.birthDate(), today).wireName(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    private static BigDecimal averageDailyGain(List<AnimalSnapshot> animals) {
        List<BigDecimal> gains = new ArrayList<>();
        for (AnimalSnapshot animal : animals) {
            List<WeightRecord> weighings = animal.weighingsByDate();
            if (weighings.size() < 2) {
                continue;
            }
            WeightRecord first = weighings.get(0);
            WeightRecord last = weighings.get(weighings.size() - 1);
            long days = ChronoUnit.DAYS.between(first.date(), last.date());
            if (days > 0) {
                gains.add(last.kg().subtract(first.kg()).divide(BigDecimal.valueOf(days), MathContext.DECIMAL64));
            }
        }
        if (gains.isEmpty()) {
            return null;
        }
        BigDecimal sum = gains.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(gains.size()), 3, RoundingMode.HALF_UP);
    }

    private static Map<String, Integer> birthsPerMonth(List<LocalDate> births) {
        Map<String, Integer> perMonth = new TreeMap<>();
        births.forEach(date -> perMonth.merge(YearMonth.from(date).toString(), 1, Integer::sum));
        return Collections.unmodifiableMap(new LinkedHashMap<>(perMonth));
    }

    private static Map<String, BigDecimal> revenuePerMonth(List<SaleRecord> sales) {
        Map<String, BigDecimal> perMonth = new TreeMap<>();
        sales.forEach(sale -> perMonth.merge(YearMonth.from(sale.date()).toString(), sale.price().value(), BigDecimal::add));
        return Collections.unmodifiableMap(new LinkedHashMap<>(perMonth));
    }
}

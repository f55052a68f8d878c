package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;
import com.fincafacil.farm.domain.AnimalSnapshot.WeightRecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Weights no animal of its species and age can have, and jumps between two weighings faster than
 * any animal gains or loses (see {@link PlausibleWeight}). One issue per finding.
 */
public final class ImplausibleWeightRule implements DataQualityRule {

    public static final String CODE = "IMPLAUSIBLE_WEIGHT";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Issue> check(List<AnimalSnapshot> animals, LocalDate today) {
        List<Issue> issues = new ArrayList<>();
        for (AnimalSnapshot animal : animals) {
            checkAnimal(animal, today, issues);
        }
        return issues;
    }

    private static void checkAnimal(AnimalSnapshot animal, LocalDate today, List<Issue> issues) {
        PlausibleWeight bounds = PlausibleWeight.of(animal.species());
        List<WeightRecord> weighings = animal.weighingsByDate();
        for (WeightRecord weighing : weighings) {
            checkRange(animal, bounds, weighing.date(), weighing.kg(), "a weighing", issues);
        }
        BigDecimal current = animal.currentWeightKg();
        // the current weight is usually the last weighing: report that value once, not twice
        if (current != null && (weighings.isEmpty() || current.compareTo(weighings.get(weighings.size() - 1).kg()) != 0)) {
            checkRange(animal, bounds, today, current, "its current weight", issues);
        }
        for (int i = 1; i < weighings.size(); i++) {
            checkJump(animal, bounds, weighings.get(i - 1), weighings.get(i), issues);
        }
    }

    private static void checkRange(AnimalSnapshot animal, PlausibleWeight bounds, LocalDate on, BigDecimal kg,
                                   String what, List<Issue> issues) {
        Long ageDays = animal.birthDate() == null ? null : ChronoUnit.DAYS.between(animal.birthDate(), on);
        PlausibleWeight.Range range = bounds.rangeAt(ageDays);
        if (!range.contains(kg)) {
            issues.add(issue(animal, "Animal " + animal.earTag() + ": " + what + " of " + kg.toPlainString()
                    + " kg on " + on + " is outside " + range.minKg() + "–" + range.maxKg() + " kg for a "
                    + animal.species().wireName() + " " + range.ageBand() + "."));
        }
    }

    private static void checkJump(AnimalSnapshot animal, PlausibleWeight bounds, WeightRecord before,
                                  WeightRecord after, List<Issue> issues) {
        // two weighings on one day count as one day apart: a big same-day difference is a typo too
        long days = Math.max(1, ChronoUnit.DAYS.between(before.date(), after.date()));
        BigDecimal change = after.kg().subtract(before.kg()).abs();
        if (change.compareTo(bounds.maxDailyChangeKg().multiply(BigDecimal.valueOf(days))) > 0) {
            BigDecimal perDay = change.divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
            issues.add(issue(animal, "Animal " + animal.earTag() + ": weight went from " + before.kg().toPlainString()
                    + " kg on " + before.date() + " to " + after.kg().toPlainString() + " kg on " + after.date()
                    + ", " + perDay.toPlainString() + " kg a day (more than " + bounds.maxDailyChangeKg() + ")."));
        }
    }

    private static Issue issue(AnimalSnapshot animal, String message) {
        return new Issue(CODE, List.of(animal.id()), List.of(animal.earTag().value()), message);
    }
}

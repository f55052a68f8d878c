package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The result of running data-quality rules over a finca's animals.
 *
 * @param countsByRule issues per rule code, every rule listed (0 included) in rule order
 * @param score        percentage of animals without any issue, one decimal; 100 for an empty finca
 */
public record DataQualityReport(int animalsChecked, List<Issue> issues, Map<String, Integer> countsByRule,
                                double score) {

    public DataQualityReport {
        issues = List.copyOf(issues);
        countsByRule = Collections.unmodifiableMap(new LinkedHashMap<>(countsByRule));
    }

    public static DataQualityReport run(List<AnimalSnapshot> animals, LocalDate today, List<DataQualityRule> rules) {
        List<Issue> issues = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (DataQualityRule rule : rules) {
            List<Issue> found = rule.check(animals, today);
            issues.addAll(found);
            counts.merge(rule.code(), found.size(), Integer::sum);
        }
        return new DataQualityReport(animals.size(), issues, counts, score(animals, issues));
    }

    private static double score(List<AnimalSnapshot> animals, List<Issue> issues) {
        if (animals.isEmpty()) {
            return 100.0;
        }
        Set<UUID> withIssues = new HashSet<>();
        issues.forEach(issue -> withIssues.addAll(issue.animalIds()));
        long clean = animals.stream().filter(animal -> !withIssues.contains(animal.id())).count();
        return BigDecimal.valueOf(clean * 100).divide(BigDecimal.valueOf(animals.size()), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}

package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two animals whose ear tags are probably one tag typed two ways ("CO-0012" and "CO12"): usually
 * the same animal registered twice. One issue per group, naming every animal in it.
 */
public final class DuplicateEarTagRule implements DataQualityRule {

    public static final String CODE = "DUPLICATE_EAR_TAG";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<Issue> check(List<AnimalSnapshot> animals, LocalDate today) {
        Map<String, List<AnimalSnapshot>> byKey = new LinkedHashMap<>();
        for (AnimalSnapshot animal : animals) {
            byKey.computeIfAbsent(animal.earTag().duplicateKey(), key -> new ArrayList<>()).add(animal);
        }
        return byKey.values().stream().filter(group -> group.size() > 1).map(DuplicateEarTagRule::issue).toList();
    }

    private static Issue issue(List<AnimalSnapshot> group) {
        List<String> tags = group.stream().map(animal -> animal.earTag().value()).toList();
        return new Issue(CODE, group.stream().map(AnimalSnapshot::id).toList(), tags,
                "Ear tags " + String.join(", ", tags) + " look like the same tag: "
                        + group.size() + " animals may be one animal registered twice.");
    }
}

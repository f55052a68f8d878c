package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fincafacil.farm.domain.quality.Herd.TODAY;
import static com.fincafacil.farm.domain.quality.Herd.animal;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DataQualityReportTest {

    @Test
    void score_is_the_share_of_animals_without_any_issue_to_one_decimal() {
        List<AnimalSnapshot> animals = List.of(
                animal("CO-1").build(),
                animal("CO-2").build(),
                animal("CO-3").born(null).current("1500").build(), // two issues, one animal
                animal("CO-4").build(),
                animal("CO-5").build(),
                animal("CO-0005").build());                        // duplicate of CO-5: both count

        DataQualityReport report = DataQualityRules.check(animals, TODAY);

        assertEquals(6, report.animalsChecked());
        assertEquals(50.0, report.score()); // CO-1, CO-2, CO-4 of 6
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("DUPLICATE_EAR_TAG", 1);
        expected.put("IMPLAUSIBLE_WEIGHT", 1);
        expected.put("MISSING_BIRTH_DATE", 1);
        expected.put("CALF_BORN_BEFORE_DAM", 0);
        assertEquals(expected, report.countsByRule());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(report.countsByRule().keySet()));
        assertEquals(3, report.issues().size());
    }

    @Test
    void score_rounds_to_one_decimal() {
        List<AnimalSnapshot> animals = List.of(animal("CO-1").build(), animal("CO-2").build(),
                animal("CO-3").born(null).build());
        assertEquals(66.7, DataQualityRules.check(animals, TODAY).score());
    }

    @Test
    void finca_without_animals_scores_100_and_lists_every_rule_at_zero() {
        DataQualityReport report = DataQualityRules.check(List.of(), TODAY);
        assertEquals(100.0, report.score());
        assertEquals(Map.of("DUPLICATE_EAR_TAG", 0, "IMPLAUSIBLE_WEIGHT", 0, "MISSING_BIRTH_DATE", 0, "CALF_BORN_BEFORE_DAM", 0),
                report.countsByRule());
    }
}

package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;
import com.fincafacil.farm.domain.Species;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.fincafacil.farm.domain.quality.Herd.TODAY;
import static com.fincafacil.farm.domain.quality.Herd.animal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImplausibleWeightRuleTest {

    private final ImplausibleWeightRule rule = new ImplausibleWeightRule();

    private List<Issue> check(AnimalSnapshot animal) {
        return rule.check(List.of(animal), TODAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1400.01", "29.99", "1500"})
    void adult_bovino_over_1400_or_under_30_kg_is_implausible(String kg) {
        List<Issue> issues = check(animal("CO-1").current(kg).build());
        assertEquals(1, issues.size());
        assertEquals(ImplausibleWeightRule.CODE, issues.get(0).rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1400", "30", "450"})
    void adult_bovino_from_30_to_1400_kg_is_plausible(String kg) {
        assertTrue(check(animal("CO-1").current(kg).build()).isEmpty());
    }

    @Test
    void calf_under_30_days_over_120_kg_is_implausible() {
        AnimalSnapshot calf = animal("CO-2").born(TODAY.minusDays(10)).weighed(TODAY.minusDays(2), "180").build();
        List<Issue> issues = check(calf);
        assertEquals(1, issues.size());
        assertEquals("Animal CO-2: a weighing of 180 kg on 2026-03-13 is outside 10–120 kg for a bovino "
                + "under 30 days old.", issues.get(0).message());
    }

    @Test
    void calf_is_judged_by_its_age_on_the_weighing_date() {
        // 35 kg at 5 days old, then 130 kg at 60 days old: both plausible for their age
        AnimalSnapshot calf = animal("CO-3").born(TODAY.minusDays(60))
                .weighed(TODAY.minusDays(55), "35").weighed(TODAY, "130").build();
        assertTrue(check(calf).isEmpty());
    }

    @Test
    void gain_of_more_than_3_kg_a_day_is_implausible() {
        AnimalSnapshot animal = animal("CO-4").weighed(TODAY.minusDays(10), "300").weighed(TODAY, "330.01").build();
        List<Issue> issues = check(animal);
        assertEquals(1, issues.size());
        assertTrue(issues.get(0).message().contains("3.00 kg a day (more than 3)"), issues.get(0).message());
    }

    @Test
    void change_of_exactly_3_kg_a_day_is_plausible_in_either_direction() {
        assertTrue(check(animal("CO-5").weighed(TODAY.minusDays(10), "300").weighed(TODAY, "330").build()).isEmpty());
        assertTrue(check(animal("CO-6").weighed(TODAY, "270").weighed(TODAY.minusDays(10), "300").build()).isEmpty());
    }

    @Test
    void smaller_species_have_smaller_bounds() {
        assertEquals(1, check(animal("OV-1").species(Species.OVINO).current("250").build()).size());
        assertTrue(check(animal("OV-2").species(Species.OVINO).current("60").build()).isEmpty());
    }

    @Test
    void current_weight_equal_to_the_last_weighing_is_reported_once() {
        AnimalSnapshot animal = animal("CO-7").weighed(TODAY.minusDays(400), "1500").current("1500").build();
        assertEquals(1, check(animal).size());
    }

    @Test
    void animal_of_unknown_age_gets_the_widest_range() {
        assertTrue(check(animal("CO-8").born(null).current("20").build()).isEmpty());
    }
}

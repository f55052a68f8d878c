package com.fincafacil.farm.domain.quality;

import com.fincafacil.farm.domain.AnimalSnapshot;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Species;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalfBornBeforeDamRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private final CalfBornBeforeDamRule rule = new CalfBornBeforeDamRule();

    private static AnimalSnapshot animal(String earTag, LocalDate born, UUID damId) {
        return new AnimalSnapshot(UUID.nameUUIDFromBytes(earTag.getBytes()), EarTag.of(earTag), Species.BOVINO,
                Sex.HEMBRA, born, null, AnimalStatus.ACTIVO, List.of(), damId);
    }

    @Test
    void a_calf_born_before_its_dam_is_flagged_on_both_animals() {
        AnimalSnapshot dam = animal("CO-1", LocalDate.of(2022, 5, 1), null);
        AnimalSnapshot calf = animal("CO-2", LocalDate.of(2021, 1, 1), dam.id());

        List<Issue> issues = rule.check(List.of(dam, calf), TODAY);

        assertEquals(1, issues.size());
        assertEquals(List.of(calf.id(), dam.id()), issues.get(0).animalIds());
        assertEquals(List.of("CO-2", "CO-1"), issues.get(0).earTags());
        assertTrue(issues.get(0).message().contains("2021-01-01"), issues.get(0).message());
    }

    @Test
    void a_calf_born_the_same_day_as_its_dam_is_flagged_too() {
        AnimalSnapshot dam = animal("CO-1", LocalDate.of(2022, 5, 1), null);
        assertEquals(1, rule.check(List.of(dam, animal("CO-2", LocalDate.of(2022, 5, 1), dam.id())), TODAY).size());
    }

    @Test
    void a_calf_born_after_its_dam_or_with_an_unknown_date_is_fine() {
        AnimalSnapshot dam = animal("CO-1", LocalDate.of(2020, 5, 1), null);
        AnimalSnapshot undated = animal("CO-9", null, null);
        List<AnimalSnapshot> herd = List.of(dam, undated,
                animal("CO-2", LocalDate.of(2023, 1, 1), dam.id()),
                animal("CO-3", null, dam.id()),
                animal("CO-4", LocalDate.of(2019, 1, 1), undated.id()));
        assertEquals(List.of(), rule.check(herd, TODAY));
    }

    @Test
    void the_rule_is_part_of_the_data_quality_report() {
        AnimalSnapshot dam = animal("CO-1", LocalDate.of(2022, 5, 1), null);
        DataQualityReport report = DataQualityRules.check(List.of(dam, animal("CO-2", LocalDate.of(2021, 1, 1), dam.id())), TODAY);
        assertEquals(1, report.countsByRule().get(CalfBornBeforeDamRule.CODE));
        assertEquals(0.0, report.score());
    }
}

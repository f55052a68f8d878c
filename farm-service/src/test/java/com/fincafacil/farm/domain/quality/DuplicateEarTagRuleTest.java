package com.fincafacil.farm.domain.quality;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.fincafacil.farm.domain.quality.Herd.TODAY;
import static com.fincafacil.farm.domain.quality.Herd.animal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateEarTagRuleTest {

    private final DuplicateEarTagRule rule = new DuplicateEarTagRule();

    @Test
    void tags_equal_without_dashes_and_leading_zeros_are_one_issue_naming_every_animal() {
        List<Issue> issues = rule.check(List.of(animal("CO-0012").build(), animal("CO-13").build(),
                animal("CO12").build(), animal("co-012").build()), TODAY);

        assertEquals(1, issues.size());
        assertEquals(List.of("CO-0012", "CO12", "CO-012"), issues.get(0).earTags());
        assertEquals(3, issues.get(0).animalIds().size());
        assertEquals(DuplicateEarTagRule.CODE, issues.get(0).rule());
    }

    @Test
    void different_numbers_are_not_duplicates() {
        assertTrue(rule.check(List.of(animal("CO-0012").build(), animal("CO-120").build(),
                animal("CA-12").build()), TODAY).isEmpty());
    }
}

package com.fincafacil.farm.domain.quality;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.fincafacil.farm.domain.quality.Herd.TODAY;
import static com.fincafacil.farm.domain.quality.Herd.animal;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MissingBirthDateRuleTest {

    @Test
    void each_animal_without_birth_date_is_an_issue() {
        List<Issue> issues = new MissingBirthDateRule().check(List.of(animal("CO-1").born(null).build(),
                animal("CO-2").build(), animal("CO-3").born(null).build()), TODAY);

        assertEquals(List.of(List.of("CO-1"), List.of("CO-3")), issues.stream().map(Issue::earTags).toList());
        assertEquals("Animal CO-1 has no birth date.", issues.get(0).message());
    }
}

package com.fincafacil.farm.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnimalLifecycleTest {

    @ParameterizedTest(name = "{1} on a {0} animal -> {2}")
    @CsvSource({
            "ACTIVO,  WEIGH,        ALLOWED",
            "ACTIVO,  TREAT,        ALLOWED",
            "ACTIVO,  SELL,         ALLOWED",
            "ACTIVO,  RECORD_DEATH, ALLOWED",
            "VENDIDO, WEIGH,        ANIMAL_SOLD",
            "VENDIDO, TREAT,        ANIMAL_SOLD",
            "VENDIDO, SELL,         ANIMAL_SOLD",
            "VENDIDO, RECORD_DEATH, ANIMAL_SOLD",
            "MUERTO,  WEIGH,        ANIMAL_DEAD",
            "MUERTO,  TREAT,        ANIMAL_DEAD",
            "MUERTO,  SELL,         ANIMAL_DEAD",
            "MUERTO,  RECORD_DEATH, ANIMAL_DEAD"
    })
    void only_an_activo_animal_takes_new_events(AnimalStatus status, AnimalAction action, String expected) {
        Decision decision = AnimalLifecycle.decide(status, action);
        if (expected.equals("ALLOWED")) {
            assertTrue(decision.isAllowed());
        } else {
            Decision.Refused refused = assertInstanceOf(Decision.Refused.class, decision);
            assertEquals(expected, refused.code());
            assertEquals(Decision.Kind.STATE_CONFLICT, refused.kind());
        }
    }

    @Test
    void sold_animal_cannot_be_sold_again() {
        Decision decision = AnimalLifecycle.decide(AnimalStatus.VENDIDO, AnimalAction.SELL);
        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, decision);
        assertEquals("The animal was sold; a sold animal cannot be sold.", refused.reason());
    }

    @ParameterizedTest(name = "{0} {1} dam -> {2}")
    @CsvSource({
            "HEMBRA, ACTIVO,  ALLOWED",
            "MACHO,  ACTIVO,  DAM_NOT_FEMALE",
            "HEMBRA, VENDIDO, DAM_NOT_ACTIVE",
            "HEMBRA, MUERTO,  DAM_NOT_ACTIVE",
            "MACHO,  MUERTO,  DAM_NOT_FEMALE"
    })
    void birth_needs_an_activo_female_dam(Sex sex, AnimalStatus status, String expected) {
        Decision decision = AnimalLifecycle.decideBirth(sex, status);
        if (expected.equals("ALLOWED")) {
            assertTrue(decision.isAllowed());
        } else {
            Decision.Refused refused = assertInstanceOf(Decision.Refused.class, decision);
            assertEquals(expected, refused.code());
            assertEquals(Decision.Kind.UNPROCESSABLE, refused.kind());
        }
    }

    @ParameterizedTest
    @CsvSource({"SELL, VENDIDO", "RECORD_DEATH, MUERTO", "WEIGH, ACTIVO", "TREAT, ACTIVO"})
    void sale_and_death_end_the_animals_activo_life(AnimalAction action, AnimalStatus after) {
        assertEquals(after, AnimalLifecycle.statusAfter(AnimalStatus.ACTIVO, action));
    }
}

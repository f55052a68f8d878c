package com.fincafacil.farm.domain;

import java.util.Objects;

/**
 * Which events an animal can take in its status. Only an activo animal changes: a sold or dead
 * animal keeps its history but takes no new weighing, treatment, sale, death or calf.
 */
public final class AnimalLifecycle {

    private AnimalLifecycle() {
    }

    public static Decision decide(AnimalStatus current, AnimalAction action) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(action, "action");
        return switch (current) {
            case ACTIVO -> Decision.allowed();
            case VENDIDO -> Decision.conflict("ANIMAL_SOLD",
                    "The animal was sold; a sold animal cannot be " + action.pastTense() + ".");
            case MUERTO -> Decision.conflict("ANIMAL_DEAD",
                    "The animal is dead; a dead animal cannot be " + action.pastTense() + ".");
        };
    }

    /** A calf needs a dam that is a female still on the finca. */
    public static Decision decideBirth(Sex damSex, AnimalStatus damStatus) {
        Objects.requireNonNull(damSex, "damSex");
        Objects.requireNonNull(damStatus, "damStatus");
        if (damSex != Sex.HEMBRA) {
            return Decision.unprocessable("DAM_NOT_FEMALE", "The dam of a birth must be a female (hembra).");
        }
        if (damStatus != AnimalStatus.ACTIVO) {
            return Decision.unprocessable("DAM_NOT_ACTIVE",
                    "The dam is " + damStatus.wireName() + "; a birth needs an activo dam.");
        }
        return Decision.allowed();
    }

    /** The status once an allowed action is recorded. */
    public static AnimalStatus statusAfter(AnimalStatus current, AnimalAction action) {
        return switch (action) {
            case SELL -> AnimalStatus.VENDIDO;
            case RECORD_DEATH -> AnimalStatus.MUERTO;
            case WEIGH, TREAT -> current;
        };
    }
}

package com.fincafacil.farm.domain;

/** The events recorded on an animal itself (a birth is recorded on its dam: see {@link AnimalLifecycle#decideBirth}). */
public enum AnimalAction {
    WEIGH("weighed"),
    TREAT("treated"),
    SELL("sold"),
    RECORD_DEATH("recorded as dead");

    private final String pastTense;

    AnimalAction(String pastTense) {
        this.pastTense = pastTense;
    }

    String pastTense() {
        return pastTense;
    }
}

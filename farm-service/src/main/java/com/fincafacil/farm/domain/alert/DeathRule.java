package com.fincafacil.farm.domain.alert;

import com.fincafacil.farm.domain.AlertType;

import java.util.List;

/** Every death is worth a CRITICA alert: the seed keeps CRITICA on even in piloto. */
public final class DeathRule implements AlertRule {

    public static final String CODE = "ANIMAL_DEATH";

    @Override
    public List<AlertCandidate> evaluate(AlertFacts facts) {
        if (facts.deathDate() == null) {
            return List.of();
        }
        String message = "Animal " + facts.earTag() + " died on " + facts.deathDate() + ".";
        return List.of(new AlertCandidate(AlertType.CRITICA, CODE, message, AlertType.CRITICA.defaultConfidence()));
    }
}

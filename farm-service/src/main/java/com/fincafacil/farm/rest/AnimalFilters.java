package com.fincafacil.farm.rest;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Species;

/** Query filters of the animal list, checked against the known values. */
final class AnimalFilters {

    private AnimalFilters() {
    }

    static String status(String value) {
        return AnimalStatus.parse(value).map(AnimalStatus::wireName)
                .orElseThrow(() -> Refusal.invalid("status", "unknown_value", "allowed", "activo, vendido, muerto"));
    }

    static String species(String value) {
        return Species.parse(value).map(Species::wireName)
                .orElseThrow(() -> Refusal.invalid("species", "unknown_value", "allowed", "bovino, bufalino, ovino, caprino, equino"));
    }

    static String sex(String value) {
        return Sex.parse(value).map(Sex::wireName)
                .orElseThrow(() -> Refusal.invalid("sex", "unknown_value", "allowed", "macho, hembra"));
    }
}

package com.fincafacil.farm.rest;

import com.fincafacil.commons.rest.ProblemException;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Species;

/** Query filters of the animal list, checked against the known values. */
final class AnimalFilters {

    private AnimalFilters() {
    }

    static String status(String value) {
        return AnimalStatus.parse(value).map(AnimalStatus::wireName)
                .orElseThrow(() -> ProblemException.badField("status", "status must be one of: activo, vendido, muerto."));
    }

    static String species(String value) {
        return Species.parse(value).map(Species::wireName)
                .orElseThrow(() -> ProblemException.badField("species", "species must be one of: bovino, bufalino, ovino, caprino, equino."));
    }

    static String sex(String value) {
        return Sex.parse(value).map(Sex::wireName)
                .orElseThrow(() -> ProblemException.badField("sex", "sex must be one of: macho, hembra."));
    }
}

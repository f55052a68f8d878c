package com.fincafacil.farm.service;

import com.fincafacil.farm.repository.AnimalEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The animal fields that go into farm events. */
final class AnimalViews {

    private AnimalViews() {
    }

    static Map<String, Object> summary(AnimalEntity a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("animalId", a.id);
        view.put("earTag", a.earTag);
        view.put("species", a.species);
        view.put("sex", a.sex);
        view.put("status", a.status);
        view.put("birthDate", a.birthDate);
        view.put("damId", a.damId);
        view.put("weightKg", a.currentWeightKg);
        return view;
    }
}

package com.fincafacil.farm.service;

import com.fincafacil.farm.domain.AnimalSnapshot;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Species;
import com.fincafacil.farm.repository.AnimalEventRepository;
import com.fincafacil.farm.repository.AnimalRepository;
import com.fincafacil.farm.repository.WeighingEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Loads a finca's herd as domain snapshots (two queries, whatever the herd size) for reports. */
@ApplicationScoped
public class HerdSnapshots {

    private final AnimalRepository animals;
    private final AnimalEventRepository events;

    public HerdSnapshots(AnimalRepository animals, AnimalEventRepository events) {
        this.animals = animals;
        this.events = events;
    }

    public List<AnimalSnapshot> of(UUID fincaId) {
        Map<UUID, List<AnimalSnapshot.WeightRecord>> weighings = new HashMap<>();
        for (WeighingEntity w : events.weighingsOfFinca(fincaId)) {
            weighings.computeIfAbsent(w.animalId, id -> new ArrayList<>()).add(new AnimalSnapshot.WeightRecord(w.weighedOn, w.weightKg));
        }
        return animals.ofFinca(fincaId).stream().map(a -> new AnimalSnapshot(a.id, new EarTag(a.earTag),
                Species.parse(a.species).orElse(Species.DEFAULT), Sex.parse(a.sex).orElseThrow(), a.birthDate,
                a.currentWeightKg, AnimalStatus.parse(a.status).orElseThrow(),
                weighings.getOrDefault(a.id, List.of()), a.damId)).toList();
    }
}

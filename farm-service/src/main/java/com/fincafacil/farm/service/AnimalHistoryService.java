package com.fincafacil.farm.service;

import com.fincafacil.farm.repository.AlertEntity;
import com.fincafacil.farm.repository.AlertRepository;
import com.fincafacil.farm.repository.AnimalEntity;
import com.fincafacil.farm.repository.AnimalEventRepository;
import com.fincafacil.farm.repository.BirthEntity;
import com.fincafacil.farm.repository.DeathEntity;
import com.fincafacil.farm.repository.SaleEntity;
import com.fincafacil.farm.repository.TreatmentEntity;
import com.fincafacil.farm.repository.WeighingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Reads an animal together with its whole history. */
@ApplicationScoped
public class AnimalHistoryService {

    private final AnimalService animals;
    private final AnimalEventRepository events;
    private final AlertRepository alerts;

    public AnimalHistoryService(AnimalService animals, AnimalEventRepository events, AlertRepository alerts) {
        this.animals = animals;
        this.events = events;
        this.alerts = alerts;
    }

    /** Sale and death are null when they did not happen. */
    public record History(AnimalEntity animal, List<WeighingEntity> weighings, List<TreatmentEntity> treatments,
                          List<BirthEntity> births, SaleEntity sale, DeathEntity death, List<AlertEntity> alerts) {
    }

    @Transactional
    public History of(UUID fincaId, UUID animalId) {
        AnimalEntity animal = animals.get(fincaId, animalId);
        return new History(animal, events.weighings(animalId), events.treatments(animalId), events.birthsOf(animalId),
                events.saleOf(animalId).orElse(null), events.deathOf(animalId).orElse(null), alerts.ofAnimal(animalId));
    }
}

package com.fincafacil.farm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<AlertEntity, UUID> {

    public boolean existsByDedupeKey(String dedupeKey) {
        return count("dedupeKey", dedupeKey) > 0;
    }

    public PageOf<AlertEntity> ofFinca(UUID fincaId, Boolean acknowledged, int page, int size) {
        String query = "fincaId = ?1" + (acknowledged == null ? "" : acknowledged ? " and acknowledgedAt is not null" : " and acknowledgedAt is null");
        var found = find(query, Sort.descending("createdAt"), fincaId);
        return new PageOf<>(found.page(Page.of(page, size)).list(), found.count());
    }

    public List<AlertEntity> ofAnimal(UUID animalId) {
        return list("animalId", Sort.descending("createdAt"), animalId);
    }

    public Optional<AlertEntity> inFinca(UUID fincaId, UUID alertId) {
        return find("fincaId = ?1 and id = ?2", fincaId, alertId).firstResultOptional();
    }
}

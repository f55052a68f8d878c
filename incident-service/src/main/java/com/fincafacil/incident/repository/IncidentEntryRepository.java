package com.fincafacil.incident.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentEntryRepository implements PanacheRepositoryBase<IncidentEntryEntity, UUID> {

    public List<IncidentEntryEntity> ofIncident(UUID incidentId) {
        return list("incidentId", Sort.ascending("at", "id"), incidentId);
    }
}

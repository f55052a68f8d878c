package com.fincafacil.incident.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUpEntity, UUID> {

    public List<FollowUpEntity> ofRelease(UUID releaseId) {
        return list("releaseId", Sort.ascending("addedAt", "id"), releaseId);
    }
}

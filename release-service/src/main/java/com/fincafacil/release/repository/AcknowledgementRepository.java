package com.fincafacil.release.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AcknowledgementRepository implements PanacheRepositoryBase<AcknowledgementEntity, AcknowledgementEntity.Key> {

    /** A release's acknowledgements, in the order they were given. */
    public List<AcknowledgementEntity> of(UUID releaseId) {
        return list("releaseId = ?1 order by acknowledgedAt", releaseId);
    }
}

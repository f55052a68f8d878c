package com.fincafacil.release.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TransitionRepository implements PanacheRepository<TransitionEntity> {

    /** A release's timeline, oldest first. */
    public List<TransitionEntity> timeline(UUID releaseId) {
        return list("releaseId = ?1 order by id", releaseId);
    }
}

package com.fincafacil.release.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import com.fincafacil.release.domain.ReleaseState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TransitionRepository implements PanacheRepository<TransitionEntity> {

    /** A release's timeline, oldest first. */
    public List<TransitionEntity> timeline(UUID releaseId) {
        return list("releaseId = ?1 order by id", releaseId);
    }

    /** When the release last reached {@code state}, if it did. */
    public Optional<Instant> lastReached(UUID releaseId, ReleaseState state) {
        return timeline(releaseId).stream().filter(t -> t.to == state).map(t -> t.at.toInstant()).reduce((a, b) -> b);
    }
}

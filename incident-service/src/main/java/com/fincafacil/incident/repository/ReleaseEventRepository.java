package com.fincafacil.incident.repository;

import com.fincafacil.incident.domain.ReleaseEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ReleaseEventRepository implements PanacheRepositoryBase<ReleaseEventEntity, String> {

    public List<ReleaseEvent> ofRelease(UUID releaseId) {
        return list("releaseId", releaseId).stream().map(ReleaseEventEntity::toDomain).toList();
    }

    /** Each step's recorded times ({@code figures.stepMs}) in other releases' events before {@code before}, by state. */
    @SuppressWarnings("unchecked")
    public Map<String, List<Long>> stepTimesBefore(UUID releaseId, Instant before) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "SELECT state, (data->'figures'->>'stepMs')::numeric FROM release_events "
                                + "WHERE release_id <> ?1 AND at < ?2 AND data->'figures'->>'stepMs' IS NOT NULL AND state IS NOT NULL")
                .setParameter(1, releaseId).setParameter(2, OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .getResultList();
        Map<String, List<Long>> times = new HashMap<>();
        for (Object[] row : rows) {
            times.computeIfAbsent((String) row[0], s -> new ArrayList<>()).add(((Number) row[1]).longValue());
        }
        return times;
    }
}

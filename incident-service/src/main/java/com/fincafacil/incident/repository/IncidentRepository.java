package com.fincafacil.incident.repository;

import com.fincafacil.incident.domain.IncidentStatus;
import com.fincafacil.incident.domain.IncidentTrigger;
import com.fincafacil.incident.domain.Severity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<IncidentEntity, UUID> {

    /** Newest first; both filters optional. */
    public List<IncidentEntity> search(IncidentStatus status, Severity severity) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (severity != null) {
            where.add("severity = :severity");
            params.and("severity", severity);
        }
        Sort newest = Sort.descending("openedAt");
        return where.isEmpty() ? listAll(newest) : list(String.join(" and ", where), newest, params);
    }

    public Optional<IncidentEntity> ofRelease(UUID releaseId, IncidentTrigger trigger) {
        return find("releaseId = ?1 and trigger = ?2", releaseId, trigger).firstResultOptional();
    }

    public List<IncidentEntity> ofRelease(UUID releaseId) {
        return list("releaseId", releaseId);
    }

    /** Post-mortems due before {@code now} and not written, oldest due first. */
    public List<IncidentEntity> postmortemOverdue(OffsetDateTime now) {
        return list("from IncidentEntity i where i.postmortemDue < ?1 "
                + "and not exists (select 1 from PostmortemEntity p where p.incidentId = i.id) order by i.postmortemDue", now);
    }

    public List<IncidentEntity> resolvedBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("resolvedAt >= ?1 and resolvedAt < ?2", Sort.ascending("resolvedAt"), from, to);
    }
}

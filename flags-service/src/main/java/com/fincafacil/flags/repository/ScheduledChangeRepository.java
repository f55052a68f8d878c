package com.fincafacil.flags.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScheduledChangeRepository implements PanacheRepositoryBase<ScheduledChangeEntity, UUID> {

    /** Due pending changes, locked so that two replicas never apply the same one. */
    @SuppressWarnings("unchecked")
    public List<ScheduledChangeEntity> lockDue(OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery(
                        "SELECT * FROM scheduled_changes WHERE status = 'PENDING' AND apply_at <= ?1 "
                                + "ORDER BY apply_at LIMIT ?2 FOR UPDATE SKIP LOCKED", ScheduledChangeEntity.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    public List<ScheduledChangeEntity> byApplyTime(String status) {
        return status == null ? listAll(Sort.ascending("applyAt")) : list("status", Sort.ascending("applyAt"), status);
    }
}

package com.fincafacil.incident.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntity, Long> {

    /**
     * Takes up to {@code limit} due notifications by moving their next attempt {@code lease} ahead,
     * so another instance skips them while they are being sent, and one that crashed mid-send is
     * tried again once the lease runs out.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claimDue(OffsetDateTime now, Duration lease, int limit) {
        return getEntityManager().createNativeQuery("UPDATE notifications SET next_attempt_at = ?1 WHERE id IN ("
                        + "SELECT id FROM notifications WHERE status = 'PENDING' AND next_attempt_at <= ?2 "
                        + "ORDER BY id LIMIT ?3 FOR UPDATE SKIP LOCKED) RETURNING id")
                .setParameter(1, now.plus(lease)).setParameter(2, now).setParameter(3, limit)
                .getResultList().stream().map(id -> ((Number) id).longValue()).toList();
    }

    public List<NotificationEntity> newest(String status, int limit) {
        Sort newest = Sort.descending("id");
        return (status == null ? findAll(newest) : find("status", newest, status)).page(0, limit).list();
    }
}

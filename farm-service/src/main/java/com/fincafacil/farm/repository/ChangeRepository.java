package com.fincafacil.farm.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A finca's change feed (table {@code finca_changes}, filled by triggers; see migration V5) and the
 * current state of the rows it names.
 */
@ApplicationScoped
public class ChangeRepository {

    /** The feed's name of each kind of row → its entity. */
    public static final Map<String, Class<?>> ENTITIES = Map.of(
            "animal", AnimalEntity.class, "weighing", WeighingEntity.class, "treatment", TreatmentEntity.class,
            "birth", BirthEntity.class, "sale", SaleEntity.class, "death", DeathEntity.class, "alert", AlertEntity.class);

    // only changes of transactions older than every running one: those can no longer be joined by
    // a change with a smaller (xid, seq), so a reader that moves past them never skips one
    private static final String PAGE = "SELECT seq, xid, entity, entity_id, changed_at FROM finca_changes"
            + " WHERE finca_id = ?1 AND (xid, seq) > (?2, ?3)"
            + " AND xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
            + " ORDER BY xid, seq LIMIT ?4";

    // of an animal's or an alert's changes (the rows that are updated; events are only inserted)
    // only the latest settled one is kept: the feed serves rows in their current state, so an
    // earlier change adds nothing once a later one can be served. Transactions still running, and
    // those that began after them, are left alone, so the change that replaces one is always served.
    private static final String COMPACT = "DELETE FROM finca_changes WHERE seq IN (SELECT seq FROM ("
            + "SELECT seq, row_number() OVER (PARTITION BY finca_id, entity, entity_id ORDER BY xid DESC, seq DESC) AS newer"
            + " FROM finca_changes WHERE entity IN ('animal', 'alert')"
            + " AND xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint) ranked"
            + " WHERE newer > 1 LIMIT ?1)";

    private final EntityManager em;

    public ChangeRepository(EntityManager em) {
        this.em = em;
    }

    /** One row of the feed. */
    public record Change(long seq, long xid, String entity, UUID entityId, OffsetDateTime changedAt) {
    }

    /** Up to {@code limit} changes of the finca after (xid, seq), in feed order. */
    public List<Change> after(UUID fincaId, long xid, long seq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PAGE).setParameter(1, fincaId).setParameter(2, xid)
                .setParameter(3, seq).setParameter(4, limit).getResultList();
        return rows.stream().map(r -> new Change(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                (UUID) r[3], toOffset(r[4]))).toList();
    }

    /** Deletes up to {@code limit} changes a later change of the same row makes redundant; returns how many. */
    public int compact(int limit) {
        return em.createNativeQuery(COMPACT).setParameter(1, limit).executeUpdate();
    }

    /** The current rows of one kind within the finca, by id. */
    public Map<UUID, Object> current(Class<?> entity, UUID fincaId, Collection<UUID> ids) {
        var ofUnit = em.getEntityManagerFactory().getPersistenceUnitUtil();
        Map<UUID, Object> rows = new java.util.HashMap<>();
        em.createQuery("FROM " + entity.getSimpleName() + " e WHERE e.fincaId = :f AND e.id IN :ids", entity)
                .setParameter("f", fincaId).setParameter("ids", ids).getResultList()
                .forEach(row -> rows.put((UUID) ofUnit.getIdentifier(row), row));
        return rows;
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        return ((java.time.Instant) value).atOffset(java.time.ZoneOffset.UTC);
    }
}

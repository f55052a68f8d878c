package com.fincafacil.farm.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes an animal's events: weighings, treatments, births, sales and deaths. */
@ApplicationScoped
public class AnimalEventRepository {

    private final EntityManager em;

    public AnimalEventRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(Object event) {
        em.persist(event);
    }

    public List<WeighingEntity> weighings(UUID animalId) {
        return em.createQuery("FROM WeighingEntity w WHERE w.animalId = :a ORDER BY w.weighedOn, w.createdAt", WeighingEntity.class)
                .setParameter("a", animalId).getResultList();
    }

    public Optional<WeighingEntity> latestWeighing(UUID animalId) {
        return em.createQuery("FROM WeighingEntity w WHERE w.animalId = :a ORDER BY w.weighedOn DESC, w.createdAt DESC", WeighingEntity.class)
                .setParameter("a", animalId).setMaxResults(1).getResultStream().findFirst();
    }

    public List<WeighingEntity> weighingsOfFinca(UUID fincaId) {
        return em.createQuery("FROM WeighingEntity w WHERE w.fincaId = :f ORDER BY w.weighedOn", WeighingEntity.class)
                .setParameter("f", fincaId).getResultList();
    }

    public List<TreatmentEntity> treatments(UUID animalId) {
        return em.createQuery("FROM TreatmentEntity t WHERE t.animalId = :a ORDER BY t.appliedOn, t.createdAt", TreatmentEntity.class)
                .setParameter("a", animalId).getResultList();
    }

    /** Animals of any finca that have a treatment whose next due date has passed. */
    public List<UUID> animalsWithTreatmentsDueBefore(java.time.LocalDate date) {
        return em.createQuery("SELECT DISTINCT t.animalId FROM TreatmentEntity t WHERE t.nextDueDate < :d", UUID.class)
                .setParameter("d", date).getResultList();
    }

    public List<BirthEntity> birthsOf(UUID damId) {
        return em.createQuery("FROM BirthEntity b WHERE b.damId = :a ORDER BY b.bornOn", BirthEntity.class)
                .setParameter("a", damId).getResultList();
    }

    public List<BirthEntity> birthsOfFinca(UUID fincaId) {
        return em.createQuery("FROM BirthEntity b WHERE b.fincaId = :f ORDER BY b.bornOn", BirthEntity.class)
                .setParameter("f", fincaId).getResultList();
    }

    public Optional<SaleEntity> saleOf(UUID animalId) {
        return em.createQuery("FROM SaleEntity s WHERE s.animalId = :a", SaleEntity.class)
                .setParameter("a", animalId).getResultStream().findFirst();
    }

    public List<SaleEntity> salesOfFinca(UUID fincaId) {
        return em.createQuery("FROM SaleEntity s WHERE s.fincaId = :f ORDER BY s.soldOn", SaleEntity.class)
                .setParameter("f", fincaId).getResultList();
    }

    /** The finca's average sale price and how many sales it is over. */
    public SaleStats saleStats(UUID fincaId) {
        Object[] row = em.createQuery("SELECT avg(s.priceCop), count(s) FROM SaleEntity s WHERE s.fincaId = :f", Object[].class)
                .setParameter("f", fincaId).getSingleResult();
        BigDecimal average = row[0] == null ? null : BigDecimal.valueOf(((Number) row[0]).doubleValue());
        return new SaleStats(average, ((Number) row[1]).intValue());
    }

    public record SaleStats(BigDecimal averagePriceCop, int count) {
    }

    public Optional<DeathEntity> deathOf(UUID animalId) {
        return em.createQuery("FROM DeathEntity d WHERE d.animalId = :a", DeathEntity.class)
                .setParameter("a", animalId).getResultStream().findFirst();
    }
}

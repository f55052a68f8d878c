package com.fincafacil.farm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class AnimalRepository implements PanacheRepositoryBase<AnimalEntity, UUID> {

    /** Filters of the animal list; null means "any". */
    public record Filter(String status, String species, String sex, String earTagPrefix) {
    }

    public Optional<AnimalEntity> inFinca(UUID fincaId, UUID animalId) {
        return find("fincaId = ?1 and id = ?2", fincaId, animalId).firstResultOptional();
    }

    /** The animal locked for update, so two events on one animal serialise (no selling it twice). */
    public Optional<AnimalEntity> lockInFinca(UUID fincaId, UUID animalId) {
        return find("fincaId = ?1 and id = ?2", fincaId, animalId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<AnimalEntity> byEarTag(UUID fincaId, String earTag) {
        return find("fincaId = ?1 and earTag = ?2", fincaId, earTag).firstResultOptional();
    }

    public List<AnimalEntity> byEarTags(UUID fincaId, Collection<String> earTags) {
        return list("fincaId = ?1 and earTag in ?2", fincaId, earTags);
    }

    public Set<String> existingEarTags(UUID fincaId) {
        return Set.copyOf(getEntityManager()
                .createQuery("SELECT a.earTag FROM AnimalEntity a WHERE a.fincaId = :f", String.class)
                .setParameter("f", fincaId).getResultList());
    }

    public PageOf<AnimalEntity> page(UUID fincaId, Filter filter, int page, int size) {
        StringBuilder query = new StringBuilder("fincaId = :finca");
        Parameters params = Parameters.with("finca", fincaId);
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.species() != null) {
            query.append(" and species = :species");
            params.and("species", filter.species());
        }
        if (filter.sex() != null) {
            query.append(" and sex = :sex");
            params.and("sex", filter.sex());
        }
        if (filter.earTagPrefix() != null) {
            query.append(" and earTag like :tag");
            params.and("tag", filter.earTagPrefix().replace("%", "") + "%");
        }
        var found = find(query.toString(), Sort.ascending("earTag"), params);
        return new PageOf<>(found.page(Page.of(page, size)).list(), found.count());
    }

    public List<AnimalEntity> ofFinca(UUID fincaId) {
        return list("fincaId", fincaId);
    }
}

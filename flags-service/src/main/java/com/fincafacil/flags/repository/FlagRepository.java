package com.fincafacil.flags.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class FlagRepository implements PanacheRepositoryBase<FlagEntity, String> {

    /** Phase flags first, then alert flags, each in the file's order. */
    public List<FlagEntity> inFileOrder() {
        return listAll(Sort.descending("kind").and("position"));
    }

    /** The row locked for update, so concurrent changes of one flag serialise. */
    public Optional<FlagEntity> lock(String key) {
        return findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE);
    }

    public int nextPosition() {
        Integer max = getEntityManager().createQuery("SELECT max(f.position) FROM FlagEntity f", Integer.class)
                .getSingleResult();
        return max == null ? 0 : max + 1;
    }
}

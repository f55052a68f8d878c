package com.fincafacil.release.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReleaseRepository implements PanacheRepositoryBase<ReleaseEntity, UUID> {

    public Optional<ReleaseEntity> findByVersion(String version) {
        return find("version", version).firstResultOptional();
    }

    public List<ReleaseEntity> newestFirst() {
        return listAll(Sort.descending("createdAt"));
    }
}

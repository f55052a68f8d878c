package com.fincafacil.farm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKeyEntity, UUID> {

    public Optional<ApiKeyEntity> activeByHash(String keyHash) {
        return find("keyHash = ?1 and revokedAt is null", keyHash).firstResultOptional();
    }

    public List<ApiKeyEntity> ofFinca(UUID fincaId) {
        return list("fincaId", Sort.ascending("createdAt"), fincaId);
    }
}

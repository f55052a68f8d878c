package com.fincafacil.farm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CsvImportRepository implements PanacheRepositoryBase<CsvImportEntity, UUID> {

    /** When this finca first imported a file with this SHA-256, if it ever did. */
    public Optional<OffsetDateTime> firstImportOf(UUID fincaId, String sha256) {
        return find("fincaId = ?1 and sha256 = ?2 order by createdAt", fincaId, sha256).firstResultOptional()
                .map(previous -> previous.createdAt);
    }
}

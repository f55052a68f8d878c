package com.fincafacil.release.repository;

import com.fincafacil.release.domain.ReleaseState;
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
public class ReleaseRepository implements PanacheRepositoryBase<ReleaseEntity, UUID> {

    public Optional<ReleaseEntity> findByVersion(String version) {
        return find("version", version).firstResultOptional();
    }

    /** Releases that started and have not ended: what a restarted service resumes. */
    public List<ReleaseEntity> unfinished() {
        return list("startedAt is not null and state not in ?1", List.of(ReleaseState.COMPLETED, ReleaseState.ROLLED_BACK,
                ReleaseState.FAILED));
    }

    /** The release that started last, if any. */
    public java.util.Optional<ReleaseEntity> lastStarted() {
        return find("startedAt is not null order by startedAt desc").firstResultOptional();
    }

    /** Newest first, optionally only in {@code state} and planned within [{@code from}, {@code to}). */
    public List<ReleaseEntity> search(ReleaseState state, OffsetDateTime from, OffsetDateTime to) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (state != null) {
            where.add("state = :state");
            params = params.and("state", state);
        }
        if (from != null) {
            where.add("createdAt >= :from");
            params = params.and("from", from);
        }
        if (to != null) {
            where.add("createdAt < :to");
            params = params.and("to", to);
        }
        if (where.isEmpty()) {
            return listAll(Sort.descending("createdAt"));
        }
        return list(String.join(" and ", where), Sort.descending("createdAt"), params);
    }
}

package com.fincafacil.incident.repository;

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
public class DeploymentRepository implements PanacheRepositoryBase<DeploymentEntity, UUID> {

    /** Newest first; every filter is optional; the period is on the start time, [from, to). */
    public List<DeploymentEntity> search(String version, String status, OffsetDateTime from, OffsetDateTime to) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (version != null) {
            where.add("version = :version");
            params.and("version", version);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (from != null) {
            where.add("startedAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.add("startedAt < :to");
            params.and("to", to);
        }
        Sort newest = Sort.descending("startedAt");
        return where.isEmpty() ? listAll(newest) : list(String.join(" and ", where), newest, params);
    }

    /** The latest deployment of a version (a version planned again after a failure has several). */
    public Optional<DeploymentEntity> latestOf(String version) {
        return find("version", Sort.descending("startedAt"), version).firstResultOptional();
    }

    /** Deployments to one environment that finished in [from, to). */
    public List<DeploymentEntity> finishedIn(String environment, OffsetDateTime from, OffsetDateTime to) {
        return list("environment = ?1 and finishedAt >= ?2 and finishedAt < ?3", Sort.ascending("finishedAt"), environment, from, to);
    }
}

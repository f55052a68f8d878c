package com.fincafacil.flags.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    public List<AuditEntry> newestFirst(String flagKey, int limit) {
        var query = flagKey == null ? findAll(Sort.descending("id")) : find("flagKey", Sort.descending("id"), flagKey);
        return query.page(Page.ofSize(limit)).list();
    }
}

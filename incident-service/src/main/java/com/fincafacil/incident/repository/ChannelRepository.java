package com.fincafacil.incident.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ChannelRepository implements PanacheRepositoryBase<ChannelEntity, UUID> {

    public List<ChannelEntity> byName() {
        return listAll(Sort.ascending("name"));
    }

    public Optional<ChannelEntity> named(String name) {
        return find("name", name).firstResultOptional();
    }

    public List<ChannelEntity> enabled() {
        return list("enabled", true);
    }
}

package com.fincafacil.release.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DrillRepository implements PanacheRepositoryBase<DrillEntity, UUID> {

    /** The latest {@code limit} drills, newest first. */
    public List<DrillEntity> latest(int limit) {
        return find("order by finishedAt desc").page(0, limit).list();
    }

    public Optional<DrillEntity> latest() {
        return latest(1).stream().findFirst();
    }
}

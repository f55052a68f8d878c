package com.fincafacil.release.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepository<MeasurementEntity> {

    /** A release's latest {@code limit} measurements, oldest first. */
    public List<MeasurementEntity> latest(UUID releaseId, int limit) {
        List<MeasurementEntity> newest = new java.util.ArrayList<>(find("releaseId = ?1 order by id desc", releaseId).page(0, limit).list());
        java.util.Collections.reverse(newest);
        return newest;
    }

    public long count(UUID releaseId) {
        return count("releaseId", releaseId);
    }
}

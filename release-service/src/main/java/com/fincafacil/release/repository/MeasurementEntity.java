package com.fincafacil.release.repository;

import com.fincafacil.release.domain.analysis.Measurement;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One stored analysis measurement of a release. */
@Entity
@Table(name = "release_measurements")
public class MeasurementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "release_id")
    public UUID releaseId;
    public OffsetDateTime at;
    @Column(name = "check_name")
    public String check;
    public String verdict;
    public Double value;
    public Double threshold;
    public String detail;

    public static MeasurementEntity of(UUID releaseId, Measurement m) {
        MeasurementEntity e = new MeasurementEntity();
        e.releaseId = releaseId;
        e.at = m.at().atOffset(ZoneOffset.UTC);
        e.check = m.check();
        e.verdict = m.verdict().name();
        e.value = m.value() == null || m.value().isNaN() || m.value().isInfinite() ? null : m.value();
        e.threshold = m.threshold();
        e.detail = m.detail();
        return e;
    }
}

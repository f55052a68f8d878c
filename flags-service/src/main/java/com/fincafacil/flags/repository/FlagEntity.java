package com.fincafacil.flags.repository;

import com.fincafacil.flags.domain.AlertFlag;
import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.Flag;
import com.fincafacil.flags.domain.PhaseFlag;
import com.fincafacil.flags.domain.SemVer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A stored flag of either kind; {@code version} is the optimistic-concurrency counter (ETag). */
@Entity
@Table(name = "flags")
public class FlagEntity {

    public static final String PHASE = "FASE";
    public static final String ALERT = "ALERTA";

    @Id
    public String key;
    public String kind;
    public boolean habilitado;
    public String niveles;
    @Column(name = "porcentaje_rollout")
    public Integer porcentajeRollout;
    @Column(name = "version_minima")
    public String versionMinima;
    public String notas;
    @Column(name = "nivel_minimo")
    public String nivelMinimo;
    public int position;
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public Flag toDomain() {
        if (ALERT.equals(kind)) {
            return new AlertFlag(key, habilitado, level(nivelMinimo));
        }
        List<DeploymentLevel> levels = niveles == null || niveles.isBlank() ? List.of()
                : Arrays.stream(niveles.split(",")).map(FlagEntity::level).toList();
        return new PhaseFlag(key, habilitado, levels, porcentajeRollout,
                versionMinima == null ? null : SemVer.of(versionMinima), notas);
    }

    /** Copies a domain flag's definition onto this row (key, kind and counters stay as they are). */
    public void apply(Flag flag) {
        habilitado = flag.habilitado();
        if (flag instanceof PhaseFlag phase) {
            kind = PHASE;
            niveles = phase.niveles().stream().map(DeploymentLevel::wireName).collect(Collectors.joining(","));
            porcentajeRollout = phase.porcentajeRollout();
            versionMinima = phase.versionMinima() == null ? null : phase.versionMinima().toString();
            notas = phase.notas();
            nivelMinimo = null;
        } else if (flag instanceof AlertFlag alert) {
            kind = ALERT;
            nivelMinimo = alert.nivelMinimo().wireName();
            niveles = null;
            porcentajeRollout = null;
            versionMinima = null;
            notas = null;
        }
    }

    private static DeploymentLevel level(String wireName) {
        return DeploymentLevel.parse(wireName)
                .orElseThrow(() -> new IllegalStateException("stored level is unknown: " + wireName));
    }
}

package com.fincafacil.farm.service;

import com.fincafacil.commons.rest.ProblemException;
import com.fincafacil.farm.domain.Department;
import com.fincafacil.farm.domain.DeploymentLevel;
import com.fincafacil.farm.messaging.FarmEvents;
import com.fincafacil.farm.repository.FincaEntity;
import com.fincafacil.farm.repository.FincaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fincas: created and updated by operators, read by their own farm app. */
@ApplicationScoped
public class FincaService {

    private final FincaRepository fincas;
    private final FarmEvents events;

    public FincaService(FincaRepository fincas, FarmEvents events) {
        this.fincas = fincas;
        this.events = events;
    }

    /** A finca's editable fields; null leaves a field unchanged on update. */
    public record FincaFields(String name, String department, String municipality, String deploymentLevel) {
    }

    @Transactional
    public FincaEntity create(FincaFields fields) {
        FincaEntity finca = new FincaEntity();
        finca.id = UUID.randomUUID();
        finca.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(finca, fields, true);
        fincas.persist(finca);
        events.record("finca.created", finca.id, view(finca));
        return finca;
    }

    @Transactional
    public FincaEntity update(UUID id, FincaFields fields) {
        FincaEntity finca = get(id);
        apply(finca, fields, false);
        events.record("finca.updated", finca.id, view(finca));
        return finca;
    }

    public FincaEntity get(UUID id) {
        return fincas.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("finca_not_found", "No finca " + id + "."));
    }

    public List<FincaEntity> list() {
        return fincas.byName();
    }

    public DeploymentLevel levelOf(FincaEntity finca) {
        return DeploymentLevel.parse(finca.deploymentLevel).orElseThrow();
    }

    private static void apply(FincaEntity finca, FincaFields fields, boolean creating) {
        if (fields.name() != null || creating) {
            finca.name = required("name", fields.name(), 120);
        }
        if (fields.department() != null || creating) {
            finca.department = Department.canonical(required(Department.FIELD, fields.department(), 60))
                    .orElseThrow(() -> ProblemException.badField(Department.FIELD, "unknown_value",
                            "department must be one of Colombia's departments, e.g. Antioquia, Meta, Córdoba."));
        }
        if (fields.municipality() != null || creating) {
            finca.municipality = required("municipality", fields.municipality(), 80);
        }
        if (fields.deploymentLevel() != null || creating) {
            finca.deploymentLevel = DeploymentLevel.parse(required("deploymentLevel", fields.deploymentLevel(), 30))
                    .orElseThrow(() -> ProblemException.badField("deploymentLevel", "unknown_value",
                            "deploymentLevel must be piloto, produccion_controlada or produccion_abierta."))
                    .wireName();
        }
        finca.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "field_required", field + " is required.");
        }
        if (value.trim().length() > max) {
            throw ProblemException.badField(field, "too_long", field + " must be at most " + max + " characters.");
        }
        return value.trim();
    }

    static Map<String, Object> view(FincaEntity f) {
        return Map.of("id", f.id, "name", f.name, "department", f.department, "municipality", f.municipality,
                "deploymentLevel", f.deploymentLevel);
    }
}

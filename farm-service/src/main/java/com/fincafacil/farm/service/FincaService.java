package com.fincafacil.farm.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.domain.Department;
import com.fincafacil.farm.domain.WireNames;
import com.fincafacil.farm.messaging.FarmEvents;
import com.fincafacil.farm.repository.FincaEntity;
import com.fincafacil.farm.repository.FincaRepository;
import com.fincafacil.flags.domain.DeploymentLevel;
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
        return fincas.findByIdOptional(id).orElseThrow(() -> Refusal.notFound("finca_not_found", "fincaId", id));
    }

    public List<FincaEntity> list() {
        return fincas.byName();
    }

    private static void apply(FincaEntity finca, FincaFields fields, boolean creating) {
        if (fields.name() != null || creating) {
            finca.name = Refusals.text("name", fields.name(), 120);
        }
        if (fields.department() != null || creating) {
            finca.department = Department.canonical(Refusals.text(Department.FIELD, fields.department(), 60))
                    .orElseThrow(() -> Refusal.invalid(Department.FIELD, "unknown_value", "variant", "department"));
        }
        if (fields.municipality() != null || creating) {
            finca.municipality = Refusals.text("municipality", fields.municipality(), 80);
        }
        if (fields.deploymentLevel() != null || creating) {
            finca.deploymentLevel = WireNames.deploymentLevel(Refusals.text("deploymentLevel", fields.deploymentLevel(), 30))
                    .orElseThrow(() -> Refusal.invalid("deploymentLevel", "unknown_value",
                            "allowed", DeploymentLevel.allWireNames()))
                    .wireName();
        }
        finca.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }


    static Map<String, Object> view(FincaEntity f) {
        return Map.of("id", f.id, "name", f.name, "department", f.department, "municipality", f.municipality,
                "deploymentLevel", f.deploymentLevel);
    }
}

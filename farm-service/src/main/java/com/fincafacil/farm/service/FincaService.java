package com.fincafacil.farm.service;

import com.fincafacil.commons.refusal.FieldChecks;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.domain.Department;
import com.fincafacil.farm.domain.WireNames;
import com.fincafacil.farm.messaging.FarmEvents;
import com.fincafacil.farm.repository.FincaEntity;
import com.fincafacil.farm.repository.FincaRepository;
import com.fincafacil.flags.domain.DeploymentLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

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
    private final Validator validator;

    public FincaService(FincaRepository fincas, FarmEvents events, Validator validator) {
        this.fincas = fincas;
        this.events = events;
        this.validator = validator;
    }

    /** A finca's editable fields; null leaves a field unchanged on update, and all are required on creation. */
    public record FincaFields(@NotBlank(groups = Creating.class) @Size(max = 120) String name,
                              @NotBlank(groups = Creating.class) @Size(max = 60) String department,
                              @NotBlank(groups = Creating.class) @Size(max = 80) String municipality,
                              @NotBlank(groups = Creating.class) @Size(max = 30) String deploymentLevel) {

        /** The constraints that hold only when a finca is created. */
        public interface Creating {
        }
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

    private void apply(FincaEntity finca, FincaFields fields, boolean creating) {
        FieldChecks checks = creating ? FieldChecks.of(validator, fields, Default.class, FincaFields.Creating.class)
                : FieldChecks.of(validator, fields);
        String name = given(checks, "name", fields.name());
        String department = given(checks, Department.FIELD, fields.department());
        String municipality = given(checks, "municipality", fields.municipality());
        String level = given(checks, "deploymentLevel", fields.deploymentLevel());
        String canonicalDepartment = department == null ? null : checks.check(() -> Department.canonical(department)
                .orElseThrow(() -> Refusal.invalid(Department.FIELD, "unknown_value", "variant", "department")));
        String wireLevel = level == null ? null : checks.check(() -> WireNames.deploymentLevel(level)
                .orElseThrow(() -> Refusal.invalid("deploymentLevel", "unknown_value", "allowed", DeploymentLevel.allWireNames()))
                .wireName());
        checks.refuseIfAny();
        finca.name = name == null ? finca.name : name;
        finca.department = canonicalDepartment == null ? finca.department : canonicalDepartment;
        finca.municipality = municipality == null ? finca.municipality : municipality;
        finca.deploymentLevel = wireLevel == null ? finca.deploymentLevel : wireLevel;
        finca.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A field's new value, trimmed; null when it is left unchanged or already refused. A blank one is refused. */
    private static String given(FieldChecks checks, String field, String value) {
        if (value == null || checks.refused(field)) {
            return null;
        }
        if (value.isBlank()) {
            checks.refuse(field, "field_required");
            return null;
        }
        return value.trim();
    }


    static Map<String, Object> view(FincaEntity f) {
        return Map.of("id", f.id, "name", f.name, "department", f.department, "municipality", f.municipality,
                "deploymentLevel", f.deploymentLevel);
    }
}

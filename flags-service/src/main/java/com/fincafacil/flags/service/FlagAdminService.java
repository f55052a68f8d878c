package com.fincafacil.flags.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fincafacil.commons.refusal.FieldChecks;
import com.fincafacil.commons.refusal.OneOf;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.flags.domain.AlertFlag;
import com.fincafacil.flags.domain.Flag;
import com.fincafacil.flags.domain.FlagKeys;
import com.fincafacil.flags.domain.PhaseFlag;
import com.fincafacil.flags.repository.FlagEntity;
import com.fincafacil.flags.repository.FlagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The admin use cases. Every change locks the flag's row, checks the version the caller read
 * (a stale one is a 409), and is recorded with audit entry and change event in one transaction.
 */
@ApplicationScoped
public class FlagAdminService {

    private final FlagRepository flags;
    private final FlagDefinitions definitions;
    private final FlagChangeRecorder recorder;
    private final Validator validator;

    /** A new flag as asked; its constraints are checked with its definition, so one answer names every problem. */
    public record CreateFlag(@NotBlank @Size(max = FlagKeys.MAX_LENGTH) String key,
                             @NotBlank @OneOf({"FASE", "ALERTA"}) @Schema(enumeration = {"FASE", "ALERTA"}) String kind,
                             @NotNull JsonNode definition, @NotBlank @Size(max = 500) String reason) {
    }

    /** A flag's new definition (its levels, minimum version, notes…). */
    public record ReplaceFlag(@NotNull JsonNode definition, @NotBlank @Size(max = 500) String reason) {
    }

    public FlagAdminService(FlagRepository flags, FlagDefinitions definitions, FlagChangeRecorder recorder, Validator validator) {
        this.validator = validator;
        this.flags = flags;
        this.definitions = definitions;
        this.recorder = recorder;
    }

    /** A partial change an operator may make: on/off and the rollout percentage. */
    public record Adjustment(Boolean habilitado, Integer porcentajeRollout) {
        boolean isEmpty() {
            return habilitado == null && porcentajeRollout == null;
        }
    }

    public List<FlagEntity> list() {
        return flags.inFileOrder();
    }

    public FlagEntity get(String key) {
        return flags.findByIdOptional(key).orElseThrow(() -> notFound(key));
    }

    @Transactional
    public FlagEntity create(CreateFlag request, String actor) {
        FieldChecks checks = FieldChecks.of(validator, request);
        Flag flag = read(checks, request.key(), request.kind(), request.definition());
        String key = request.key();
        String reason = request.reason();
        if (flags.findByIdOptional(key).isPresent()) {
            throw Refusal.conflict("key", "flag_exists", "key", key, "detail", "Flag " + key + " already exists.");
        }
        FlagEntity row = new FlagEntity();
        row.key = key;
        row.apply(flag);
        row.position = flags.nextPosition();
        row.version = 1;
        row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedAt = row.createdAt;
        flags.persist(row);
        recorder.created(row, flag, actor, reason);
        return row;
    }

    @Transactional
    public FlagEntity replace(String key, ReplaceFlag request, long expectedVersion, String actor) {
        FlagEntity row = lockCurrent(key, expectedVersion);
        Flag after = read(FieldChecks.of(validator, request), key, row.kind, request.definition());
        return change("updated", row, after, actor, request.reason());
    }

    /** The definition read once the fields it needs are there; every problem found so far is refused together. */
    private Flag read(FieldChecks checks, String key, String kind, JsonNode definition) {
        if (checks.passed()) {
            return definitions.read(key, kind, definition);
        }
        Flag flag = checks.check(() -> definitions.read(key, kind, definition), "key", "kind", "definition");
        checks.refuseIfAny();
        return flag;
    }

    @Transactional
    public FlagEntity adjust(String key, Adjustment adjustment, long expectedVersion, String actor, String reason) {
        FlagEntity row = lockCurrent(key, expectedVersion);
        return change("adjusted", row, adjusted(row.toDomain(), adjustment), actor, reason);
    }

    /** The kill switch: off now, whatever version the caller saw. */
    @Transactional
    public FlagEntity kill(String key, String actor, String reason) {
        FlagEntity row = flags.lock(key).orElseThrow(() -> notFound(key));
        return change("killed", row, adjusted(row.toDomain(), new Adjustment(false, null)), actor, reason);
    }

    @Transactional
    public void delete(String key, long expectedVersion, String actor, String reason) {
        FlagEntity row = lockCurrent(key, expectedVersion);
        recorder.deleted(row, row.toDomain(), actor, reason);
        flags.delete(row);
    }

    /** Applies an adjustment without a version check; used by scheduled changes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FlagEntity applyScheduled(String key, Adjustment adjustment, String actor, String reason) {
        FlagEntity row = flags.lock(key).orElseThrow(() -> notFound(key));
        return change("scheduled", row, adjusted(row.toDomain(), adjustment), actor, reason);
    }

    static Flag adjusted(Flag flag, Adjustment adjustment) {
        if (adjustment.isEmpty()) {
            throw Refusal.invalid("habilitado", "adjustment_empty", "detail", "Send habilitado and/or porcentaje_rollout.");
        }
        if (adjustment.porcentajeRollout() != null
                && (adjustment.porcentajeRollout() < 0 || adjustment.porcentajeRollout() > 100)) {
            throw Refusal.invalid("porcentaje_rollout", "out_of_range", "min", 0, "max", 100,
                    "detail", "porcentaje_rollout must be between 0 and 100.");
        }
        if (flag instanceof AlertFlag alert) {
            if (adjustment.porcentajeRollout() != null) {
                throw Refusal.invalid("porcentaje_rollout", "alert_has_no_percentage", "detail", "Alert flags have no rollout percentage.");
            }
            return new AlertFlag(alert.key(), adjustment.habilitado(), alert.nivelMinimo());
        }
        PhaseFlag phase = (PhaseFlag) flag;
        if (adjustment.habilitado() != null) {
            phase = phase.withHabilitado(adjustment.habilitado());
        }
        if (adjustment.porcentajeRollout() != null) {
            phase = phase.withPorcentajeRollout(adjustment.porcentajeRollout());
        }
        return phase;
    }

    private FlagEntity change(String action, FlagEntity row, Flag after, String actor, String reason) {
        Flag before = row.toDomain();
        row.apply(after);
        recorder.updated(action, row, before, after, actor, reason);
        return row;
    }

    private FlagEntity lockCurrent(String key, long expectedVersion) {
        FlagEntity row = flags.lock(key).orElseThrow(() -> notFound(key));
        if (row.version != expectedVersion) {
            throw Refusal.conflict("If-Match", "flag_changed", "key", key, "sent", expectedVersion, "current", row.version,
                    "detail", "Flag " + key + " changed since you read it: you sent version " + expectedVersion
                            + ", it is now at version " + row.version + ". Read it again and retry.");
        }
        return row;
    }

    static Refusal notFound(String key) {
        return Refusal.notFound("flag_not_found", "key", key, "detail", "No flag named " + key + ".");
    }
}

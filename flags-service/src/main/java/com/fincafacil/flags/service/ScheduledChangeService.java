package com.fincafacil.flags.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fincafacil.commons.refusal.FieldChecks;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.flags.repository.FlagRepository;
import com.fincafacil.flags.repository.ScheduledChangeEntity;
import com.fincafacil.flags.repository.ScheduledChangeRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Changes planned for later ("raise to 50 % at 02:00 Sunday", "in the next deployment window").
 * A scheduler applies due changes, each in its own transaction, as an audited change.
 */
@ApplicationScoped
public class ScheduledChangeService {

    private static final Logger LOG = Logger.getLogger(ScheduledChangeService.class);

    private final ScheduledChangeRepository changes;
    private final FlagRepository flags;
    private final FlagAdminService admin;
    private final DeploymentSettings deployment;
    private final Validator validator;

    public ScheduledChangeService(ScheduledChangeRepository changes, FlagRepository flags, FlagAdminService admin,
                                  DeploymentSettings deployment, Validator validator) {
        this.validator = validator;
        this.changes = changes;
        this.flags = flags;
        this.admin = admin;
        this.deployment = deployment;
    }

    /**
     * A change to apply later: on/off and/or the rollout percentage, at {@code at} or in the next
     * deployment window (exactly one of the two). Its fields are checked together, so one answer
     * names every problem.
     */
    public record ScheduleChange(@NotBlank String flag, Boolean habilitado,
                                 @JsonProperty("porcentaje_rollout") @Min(0) @Max(100) Integer porcentajeRollout,
                                 OffsetDateTime at, @JsonProperty("in_next_window") boolean inNextWindow,
                                 @NotBlank @Size(max = 500) String reason) {
    }

    private record When(OffsetDateTime at, boolean inNextWindow) {
    }

    @Transactional
    public ScheduledChangeEntity schedule(ScheduleChange request, String actor) {
        FieldChecks checks = FieldChecks.of(validator, request);
        if ((request.at() == null) == !request.inNextWindow()) {
            checks.refuse("at", "invalid_value", "detail", "Give either 'at' (an ISO date-time) or 'in_next_window': true.");
        }
        checks.refuseIfAny();
        String flagKey = request.flag();
        String reason = request.reason();
        var adjustment = new FlagAdminService.Adjustment(request.habilitado(), request.porcentajeRollout());
        var when = new When(request.at(), request.inNextWindow());
        var flag = flags.findByIdOptional(flagKey).orElseThrow(() -> FlagAdminService.notFound(flagKey));
        FlagAdminService.adjusted(flag.toDomain(), adjustment);
        Instant now = Instant.now();
        Instant applyAt = resolve(when, now);
        ScheduledChangeEntity change = new ScheduledChangeEntity();
        change.id = UUID.randomUUID();
        change.flagKey = flagKey;
        change.applyAt = applyAt.atOffset(ZoneOffset.UTC);
        change.habilitado = adjustment.habilitado();
        change.porcentajeRollout = adjustment.porcentajeRollout();
        change.reason = reason;
        change.createdBy = actor;
        change.createdAt = now.atOffset(ZoneOffset.UTC);
        change.status = ScheduledChangeEntity.PENDING;
        changes.persist(change);
        return change;
    }

    @Transactional
    public ScheduledChangeEntity cancel(UUID id, String actor) {
        ScheduledChangeEntity change = changes.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.notFound("scheduled_change_not_found", "id", id, "detail", "No scheduled change " + id + "."));
        if (!ScheduledChangeEntity.PENDING.equals(change.status)) {
            throw Refusal.conflict(null, "scheduled_change_not_pending", "status", change.status, "detail", "This change is already " + change.status + ".");
        }
        change.status = ScheduledChangeEntity.CANCELLED;
        change.outcome = "cancelled by " + actor;
        return change;
    }

    public List<ScheduledChangeEntity> list(String status) {
        return changes.byApplyTime(status);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void applyDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> changes.lockDue(OffsetDateTime.now(ZoneOffset.UTC), 50)
                .stream().map(c -> c.id).toList());
        due.forEach(this::applyOne);
    }

    private void applyOne(UUID id) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ScheduledChangeEntity change = changes.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                        .filter(c -> ScheduledChangeEntity.PENDING.equals(c.status)).orElse(null);
                if (change == null) {
                    return;
                }
                admin.applyScheduled(change.flagKey, new FlagAdminService.Adjustment(change.habilitado, change.porcentajeRollout),
                        "scheduler (for " + change.createdBy + ")", change.reason);
                change.status = ScheduledChangeEntity.APPLIED;
                change.appliedAt = OffsetDateTime.now(ZoneOffset.UTC);
                change.outcome = "applied";
            });
        } catch (RuntimeException e) {
            String why = e instanceof Refusal r ? english(r) : "could not be applied";
            LOG.warnf("scheduled change %s failed: %s", id, why);
            QuarkusTransaction.requiringNew().run(() -> changes.findByIdOptional(id).ifPresent(change -> {
                change.status = ScheduledChangeEntity.FAILED;
                change.outcome = why;
            }));
        }
    }

    /** What the change's outcome records: the refusal's English sentence, else its code. */
    private static String english(Refusal refusal) {
        return refusal.reasons().stream().map(r -> r.facts().get("detail")).filter(java.util.Objects::nonNull)
                .map(Object::toString).findFirst().orElse(refusal.code());
    }

    private Instant resolve(When when, Instant now) {
        if (when.inNextWindow()) {
            return deployment.window().nextOpening(now);
        }
        if (when.at().toInstant().isBefore(now.minusSeconds(5))) {
            throw Refusal.unprocessable("at", "at_in_past", "detail", "'at' is in the past.");
        }
        return when.at().toInstant();
    }
}

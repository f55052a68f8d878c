package com.fincafacil.farm.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.persistence.UniqueViolation;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.commons.rest.KnownRoutes;
import com.fincafacil.commons.rest.ProblemMappers;
import com.fincafacil.commons.rest.ProblemTexts;
import com.fincafacil.farm.domain.sync.BatchDependencies;
import com.fincafacil.farm.domain.sync.SyncRules;
import com.fincafacil.farm.repository.AnimalEntity;
import com.fincafacil.farm.service.IdempotencyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Applies one operation of an offline batch, in its own transaction, through the idempotency
 * record of its route (the operation's id is its Idempotency-Key), and says how it went.
 */
@ApplicationScoped
class SyncRunner {

    private final SyncOperations operations;
    private final IdempotencyService idempotency;
    private final ProblemMappers problems;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    SyncRunner(SyncOperations operations, IdempotencyService idempotency, KnownRoutes routes, ProblemTexts texts,
               ObjectMapper mapper) {
        this.operations = operations;
        this.idempotency = idempotency;
        this.problems = new ProblemMappers(routes, texts);
        this.mapper = mapper;
    }

    SyncViews.Result apply(UUID fincaId, SyncViews.Operation op, BatchDependencies batch, Locale language) {
        // the animals this operation is about, as the batch knows them: its id and ear tags
        Set<String> animals = new LinkedHashSet<>();
        try {
            SyncOperations.Kind kind = SyncOperations.Kind.of(op.type());
            if (SyncRules.recordedInFuture(op.recordedAt(), clock.instant())) {
                throw Refusal.invalid("recordedAt", "recorded_in_future", "recordedAt", op.recordedAt().toString(),
                        "serverTime", clock.instant().toString());
            }
            animals.add(idKey(op.animalId()));
            animals.add(tagKey(op.earTag()));
            Object body = operations.body(kind, op.body(), op.recordedAt());
            SyncOperations.earTagIn(body).ifPresent(tag -> animals.add(tagKey(tag)));
            refuseIfDependent(batch, animals);
            IdempotencyService.StoredResponse stored = QuarkusTransaction.requiringNew().call(() -> {
                AnimalEntity animal = kind.aboutAnimal() ? operations.animal(fincaId, op.animalId(), op.earTag()) : null;
                if (animal != null) {
                    animals.add(idKey(animal.id));
                    animals.add(tagKey(animal.earTag));
                    refuseIfDependent(batch, animals);
                }
                SyncOperations.Prepared prepared = operations.prepare(fincaId, kind, animal, body);
                return idempotency.execute(fincaId.toString(), op.id().toString(), prepared.request(), prepared.status(), prepared.write());
            });
            return SyncViews.Result.done(op, stored.replayed(), stored.status(), json(stored.body()));
        } catch (RuntimeException e) {
            Refusal refusal = refusalIn(e);
            batch.refused(op.id().toString(), animals);
            return SyncViews.Result.refused(op, problems.render(refusal, language));
        }
    }

    private static void refuseIfDependent(BatchDependencies batch, Set<String> animals) {
        var refused = batch.refusedBefore(animals);
        if (refused.isPresent()) {
            throw Refusal.unprocessable(null, "depends_on_refused", "operation", refused.get());
        }
    }

    /** The refusal an operation's failure stands for, as its route would answer it; anything else is a server error. */
    private static Refusal refusalIn(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
        }
        if (UniqueViolation.isCause(e)) {
            return Refusal.conflict(null, "conflict");
        }
        throw e;
    }

    private static String idKey(UUID id) {
        return id == null ? null : "id:" + id;
    }

    private static String tagKey(String earTag) {
        return earTag == null || earTag.isBlank() ? null : "tag:" + earTag.trim().toUpperCase(Locale.ROOT);
    }

    private JsonNode json(String body) {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer that is not JSON", e);
        }
    }
}

package com.fincafacil.farm.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fincafacil.commons.rest.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What an offline batch and the change feed send and answer. */
public final class SyncViews {

    private SyncViews() {
    }

    /** An offline batch: the phone's queued operations, in the order they were recorded. */
    public record Batch(@NotNull List<@NotNull @Valid Operation> operations) {
    }

    /**
     * One queued write: {@code id} is the phone's own (its Idempotency-Key), {@code body} the body
     * its route takes; an event names its animal by {@code animalId} or {@code earTag}.
     */
    public record Operation(@NotNull UUID id, @NotNull Instant recordedAt, @NotBlank String type, UUID animalId,
                            String earTag, JsonNode body) {
    }

    public enum Outcome { applied, replayed, refused }

    /** How one operation went: its route's status and answer, or the problem that refused it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(UUID id, String type, Outcome outcome, int status, JsonNode result, Problem problem) {
        static Result done(Operation op, boolean replayed, int status, JsonNode result) {
            return new Result(op.id(), op.type(), replayed ? Outcome.replayed : Outcome.applied, status, result, null);
        }

        static Result refused(Operation op, Problem problem) {
            return new Result(op.id(), op.type(), Outcome.refused, problem.status(), null, problem);
        }
    }

    /** The batch's answer: one result per operation, in order, and the counts. */
    public record Answer(int applied, int replayed, int refused, List<Result> results) {
        static Answer of(List<Result> results) {
            return new Answer(count(results, Outcome.applied), count(results, Outcome.replayed), count(results, Outcome.refused), results);
        }

        private static int count(List<Result> results, Outcome outcome) {
            return (int) results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    /** One changed row in its current state; {@code data} is what its own route answers, {@code animalId} its animal. */
    public record Change(String entity, UUID id, UUID animalId, OffsetDateTime changedAt, Object data) {
    }

    /** A page of the feed: pass {@code nextCursor} as {@code since} for the next one. */
    public record Changes(List<Change> changes, String nextCursor, boolean hasMore) {
    }
}

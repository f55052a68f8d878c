package com.fincafacil.farm.rest;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.commons.rest.ProblemTexts;
import com.fincafacil.farm.domain.sync.BatchDependencies;
import com.fincafacil.farm.domain.sync.SyncRules;
import com.fincafacil.farm.service.ChangeFeedService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A phone that worked offline: it sends its queued writes in one batch, and catches up on what others wrote. */
@Path("/api/v1/fincas/{fincaId}")
@Tag(name = "Offline sync")
public class SyncResource {

    public static final int MAX_CHANGES = 500;

    private final SyncRunner runner;
    private final ChangeFeedService feed;
    private final ProblemTexts texts;

    public SyncResource(SyncRunner runner, ChangeFeedService feed, ProblemTexts texts) {
        this.runner = runner;
        this.feed = feed;
        this.texts = texts;
    }

    @POST
    @Path("/sync")
    @Operation(operationId = "syncBatch", summary = "Apply an offline batch in order (at most 500 operations); each operation's id is its Idempotency-Key")
    public SyncViews.Answer sync(@PathParam("fincaId") UUID fincaId, @Context HttpServerRequest http,
                                 @Valid SyncViews.Batch batch) {
        if (batch == null || batch.operations() == null) {
            throw Refusal.invalid(batch == null ? null : "operations", batch == null ? "body_required" : "field_required");
        }
        List<SyncViews.Operation> ops = batch.operations();
        if (ops.size() > SyncRules.MAX_OPERATIONS) {
            throw Refusal.of(Refusal.Kind.TOO_LARGE, "operations", "too_many_operations",
                    "max", SyncRules.MAX_OPERATIONS, "count", ops.size());
        }
        refuseRepeatedIds(ops);
        Locale language = texts.languageOf(http);
        BatchDependencies dependencies = new BatchDependencies();
        List<SyncViews.Result> results = new ArrayList<>();
        for (SyncViews.Operation op : ops) {
            results.add(runner.apply(fincaId, op, dependencies, language));
        }
        return SyncViews.Answer.of(results);
    }

    @GET
    @Path("/changes")
    @Operation(operationId = "listChanges", summary = "What changed in the finca after a cursor (animals, events, alerts), oldest first; pass nextCursor as since")
    public SyncViews.Changes changes(@PathParam("fincaId") UUID fincaId, @QueryParam("since") String since,
                                     @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(MAX_CHANGES) int limit) {
        ChangeFeedService.Page page = feed.after(fincaId, since, limit);
        List<SyncViews.Change> changes = page.changes().stream()
                .map(SyncResource::change).toList();
        return new SyncViews.Changes(changes, page.next().encode(), page.hasMore());
    }

    private static SyncViews.Change change(ChangeFeedService.Change c) {
        FarmViews.FeedRow row = FarmViews.FeedRow.of(c.row());
        return new SyncViews.Change(c.entity(), c.id(), row.animalId(), c.changedAt(), row.view());
    }

    /** An operation id stands for one write: a batch that repeats one is a client bug, refused whole. */
    private static void refuseRepeatedIds(List<SyncViews.Operation> ops) {
        Map<UUID, Integer> first = new HashMap<>();
        List<Refusal.Reason> repeated = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Integer earlier = first.putIfAbsent(ops.get(i).id(), i);
            if (earlier != null) {
                repeated.add(new Refusal.Reason("operations[" + i + "].id", "repeated_operation_id", Refusal.facts("first", earlier)));
            }
        }
        if (!repeated.isEmpty()) {
            throw Refusal.invalid(repeated);
        }
    }
}

package com.fincafacil.farm.rest;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.service.AnimalEventService;
import com.fincafacil.farm.service.IdempotencyService;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;
import java.util.function.Supplier;

/** An animal's events: weighing, treatment, birth, sale and death. Every POST accepts Idempotency-Key. */
@Path("/api/v1/fincas/{fincaId}/animals/{animalId}")
@Tag(name = "Animal events")
public class AnimalEventResource {

    private final AnimalEventService events;
    private final IdempotencyService idempotency;

    public AnimalEventResource(AnimalEventService events, IdempotencyService idempotency) {
        this.events = events;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/weighings")
    @APIResponse(responseCode = "201", description = "The weighing, as recorded",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = FarmViews.WeighingView.class)))
    @APIResponse(responseCode = "409", description = ApiDocs.ANIMAL_CLOSED)
    @APIResponse(responseCode = "422", description = ApiDocs.KEY_REUSED)
    @Operation(operationId = "recordWeighing", summary = "Record a weighing (0 < kg < 2000); a drop of 10 % or more raises an alert")
    public Response weigh(@PathParam("fincaId") UUID fincaId, @PathParam("animalId") UUID animalId,
                          @Context UriInfo uri,
                          @HeaderParam(IdempotencyService.HEADER) String key, AnimalEventService.WeighingRequest r) {
        return write(fincaId, key, Idempotent.request(uri, r), r, () -> FarmViews.WeighingView.of(events.weigh(fincaId, animalId, r)));
    }

    @POST
    @Path("/treatments")
    @APIResponse(responseCode = "201", description = "The treatment, as recorded",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = FarmViews.TreatmentView.class)))
    @APIResponse(responseCode = "409", description = ApiDocs.ANIMAL_CLOSED)
    @APIResponse(responseCode = "422", description = ApiDocs.KEY_REUSED)
    @Operation(operationId = "recordTreatment", summary = "Record a treatment or vaccination (product, dose, next due date, withdrawal days)")
    public Response treat(@PathParam("fincaId") UUID fincaId, @PathParam("animalId") UUID animalId,
                          @Context UriInfo uri,
                          @HeaderParam(IdempotencyService.HEADER) String key, AnimalEventService.Treatment r) {
        return write(fincaId, key, Idempotent.request(uri, r), r, () -> FarmViews.TreatmentView.of(events.treat(fincaId, animalId, r)));
    }

    @POST
    @Path("/births")
    @APIResponse(responseCode = "201", description = "The calf, as registered",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = FarmViews.AnimalView.class)))
    @APIResponse(responseCode = "409", description = "The dam is sold or dead, or the finca already has the calf's ear tag (codes animal_sold, animal_dead, ear_tag_taken)")
    @APIResponse(responseCode = "422", description = "The dam is not hembra or not activo, or the Idempotency-Key was used for another request "
            + "(codes dam_not_female, dam_not_active, idempotency_key_reused)")
    @Operation(operationId = "recordBirth", summary = "Record a birth: registers the calf, linked to this animal as its dam")
    public Response birth(@PathParam("fincaId") UUID fincaId, @PathParam("animalId") UUID animalId,
                          @Context UriInfo uri,
                          @HeaderParam(IdempotencyService.HEADER) String key, AnimalEventService.BirthRequest r) {
        return write(fincaId, key, Idempotent.request(uri, r), r, () -> FarmViews.AnimalView.of(events.birth(fincaId, animalId, r)));
    }

    @POST
    @Path("/sale")
    @APIResponse(responseCode = "201", description = "The sale, as recorded",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = FarmViews.SaleView.class)))
    @APIResponse(responseCode = "409", description = ApiDocs.ANIMAL_CLOSED)
    @APIResponse(responseCode = "422", description = ApiDocs.KEY_REUSED)
    @Operation(operationId = "recordSale", summary = "Record the sale of the animal (price in COP, buyer); an animal is sold once")
    public Response sell(@PathParam("fincaId") UUID fincaId, @PathParam("animalId") UUID animalId,
                         @Context UriInfo uri,
                          @HeaderParam(IdempotencyService.HEADER) String key, AnimalEventService.SaleRequest r) {
        return write(fincaId, key, Idempotent.request(uri, r), r, () -> FarmViews.SaleView.of(events.sell(fincaId, animalId, r)));
    }

    @POST
    @Path("/death")
    @APIResponse(responseCode = "201", description = "The death, as recorded",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = FarmViews.DeathView.class)))
    @APIResponse(responseCode = "409", description = ApiDocs.ANIMAL_CLOSED)
    @APIResponse(responseCode = "422", description = ApiDocs.KEY_REUSED)
    @Operation(operationId = "recordDeath", summary = "Record the death of the animal (cause); raises a CRITICA alert")
    public Response die(@PathParam("fincaId") UUID fincaId, @PathParam("animalId") UUID animalId,
                        @Context UriInfo uri,
                          @HeaderParam(IdempotencyService.HEADER) String key, AnimalEventService.DeathRequest r) {
        return write(fincaId, key, Idempotent.request(uri, r), r, () -> FarmViews.DeathView.of(events.die(fincaId, animalId, r)));
    }

    private Response write(UUID fincaId, String key, Idempotent.Request request, Object body, Supplier<Object> write) {
        if (body == null) {
            throw Refusal.invalid(null, "body_required");
        }
        return Idempotent.respond(idempotency.execute(fincaId.toString(), key, request, 201, write));
    }
}

package com.fincafacil.farm.rest;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.config.FarmConfig;
import com.fincafacil.farm.repository.AnimalRepository;
import com.fincafacil.farm.service.AnimalHistoryService;
import com.fincafacil.farm.service.AnimalService;
import com.fincafacil.farm.service.IdempotencyService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** A farm app's herd registry (X-API-Key; a key sees only its own finca). */
@Path("/api/v1/fincas/{fincaId}/animals")
@Tag(name = "Animals")
public class AnimalResource {

    private final AnimalService animals;
    private final AnimalHistoryService histories;
    private final IdempotencyService idempotency;
    private final FarmConfig config;

    public AnimalResource(AnimalService animals, AnimalHistoryService histories,
                          IdempotencyService idempotency, FarmConfig config) {
        this.animals = animals;
        this.histories = histories;
        this.idempotency = idempotency;
        this.config = config;
    }

    @POST
    @Operation(operationId = "registerAnimal", summary = "Register an animal (ear tag unique within the finca); accepts Idempotency-Key")
    @APIResponse(responseCode = "201", description = "The animal as registered",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = FarmViews.AnimalView.class)))
    @APIResponse(responseCode = "409", description = "The finca already has this ear tag (code ear_tag_taken, field earTag)")
    @APIResponse(responseCode = "422", description = "The dam is unknown, not hembra or born after the calf; or the Idempotency-Key was used for another request "
            + "(codes dam_not_found, dam_not_female, calf_born_before_dam, idempotency_key_reused)")
    public Response register(@PathParam("fincaId") UUID fincaId, @HeaderParam(IdempotencyService.HEADER) String key,
                             @Context UriInfo uri, AnimalService.Registration request) {
        if (request == null) {
            throw Refusal.invalid(null, "body_required");
        }
        return Idempotent.respond(idempotency.execute(fincaId.toString(), key, Idempotent.request(uri, request), 201,
                () -> FarmViews.AnimalView.of(animals.register(fincaId, request))));
    }

    @GET
    @APIResponse(responseCode = "200", description = "Animals by ear tag",
            headers = {@Header(name = "X-Total-Count", description = ApiDocs.TOTAL, schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Link", description = ApiDocs.NEXT, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FarmViews.AnimalView.class)))
    @Operation(operationId = "listAnimals", summary = "List animals with filters (status, species, sex, earTag prefix) and pages; X-Total-Count and Link rel=next headers")
    public RestResponse<List<FarmViews.AnimalView>> list(@PathParam("fincaId") UUID fincaId, @Context UriInfo uri,
                                           @QueryParam("status") String status, @QueryParam("species") String species,
                                           @QueryParam("sex") String sex, @QueryParam("earTag") String earTag,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(FarmViews.MAX_PAGE) int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) int size) {
        if (size > config.maxPageSize()) {
            throw Refusal.invalid("size", "out_of_range", "min", 1, "max", config.maxPageSize());
        }
        var filter = new AnimalRepository.Filter(
                status == null ? null : AnimalFilters.status(status), species == null ? null : AnimalFilters.species(species),
                sex == null ? null : AnimalFilters.sex(sex), earTag == null ? null : earTag.trim().toUpperCase(java.util.Locale.ROOT));
        return Pages.of(animals.list(fincaId, filter, page, size), FarmViews.AnimalView::of, page, size, uri);
    }

    @GET
    @Path("/{animalId}")
    @Operation(operationId = "getAnimal", summary = "One animal with its history: weighings, treatments, births, sale, death and alerts")
    public FarmViews.AnimalHistory get(@PathParam("fincaId") UUID fincaId, @PathParam("animalId") UUID animalId) {
        return FarmViews.AnimalHistory.of(histories.of(fincaId, animalId));
    }
}

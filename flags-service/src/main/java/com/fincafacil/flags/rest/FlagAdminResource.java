package com.fincafacil.flags.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.flags.repository.FlagEntity;
import com.fincafacil.flags.service.FlagAdminService;
import com.fincafacil.flags.service.FlagAdminService.CreateFlag;
import com.fincafacil.flags.service.FlagAdminService.ReplaceFlag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * Flag administration. viewer reads; operator switches flags on and off, changes rollout and
 * pulls the kill switch; admin creates, redefines and deletes. Changes need If-Match.
 */
@Path("/api/v1/flags")
@Tag(name = "Flags")
public class FlagAdminResource {

    private final FlagAdminService admin;

    public FlagAdminResource(FlagAdminService admin) {
        this.admin = admin;
    }

    public record AdjustFlag(Boolean habilitado, @JsonProperty("porcentaje_rollout") @Min(0) @Max(100) Integer porcentajeRollout,
                             @NotBlank @Size(max = 500) String reason) {
    }

    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List flags in the file's order")
    public List<FlagView> list() {
        return admin.list().stream().map(FlagView::of).toList();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Read a flag; the ETag is its version, to send back as If-Match")
    @APIResponse(responseCode = "200", description = "The flag; its ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FlagView.class)))
    public Response get(@PathParam("key") String key) {
        return withEtag(Response.ok(), admin.get(key));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a flag (kind FASE or ALERTA; definition in the file's format)")
    @APIResponse(responseCode = "201", description = "The flag, created (Location names it)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FlagView.class)))
    @APIResponse(responseCode = "409", description = "A flag with this key exists")
    public Response create(@NotNull CreateFlag request, @Context SecurityContext security) {
        FlagEntity row = admin.create(request, actor(security));
        return withEtag(Response.created(URI.create("/api/v1/flags/" + row.key)), row);
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Redefine a flag (levels, minimum version, notes…)")
    @APIResponse(responseCode = "200", description = "The flag, redefined",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FlagView.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the flag (code precondition_failed): read it again")
    @APIResponse(responseCode = "409", description = "Another change reached the flag first while this one waited (code flag_changed): read it again")
    @APIResponse(responseCode = "428", description = "If-Match is missing (code precondition_required)")
    public Response replace(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
                            @NotNull ReplaceFlag request, @Context SecurityContext security) {
        long expected = Preconditions.expectedVersion(ifMatch);
        return withEtag(Response.ok(), admin.replace(key, request, expected, actor(security)));
    }

    @PATCH
    @Path("/{key}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Enable, disable or change the rollout percentage")
    @APIResponse(responseCode = "200", description = "The flag, adjusted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FlagView.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the flag (code precondition_failed): read it again")
    @APIResponse(responseCode = "409", description = "Another change reached the flag first while this one waited (code flag_changed): read it again")
    @APIResponse(responseCode = "428", description = "If-Match is missing (code precondition_required)")
    public Response adjust(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull AdjustFlag request, @Context SecurityContext security) {
        long expected = Preconditions.expectedVersion(ifMatch);
        var adjustment = new FlagAdminService.Adjustment(request.habilitado(), request.porcentajeRollout());
        return withEtag(Response.ok(), admin.adjust(key, adjustment, expected, actor(security), request.reason()));
    }

    @POST
    @Path("/{key}/kill")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Kill switch: disable the flag now, whatever its version")
    @APIResponse(responseCode = "200", description = "The flag, disabled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FlagView.class)))
    public Response kill(@PathParam("key") String key, @Valid @NotNull Reason request, @Context SecurityContext security) {
        return withEtag(Response.ok(), admin.kill(key, actor(security), request.reason()));
    }

    @DELETE
    @Path("/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a flag")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the flag (code precondition_failed): read it again")
    @APIResponse(responseCode = "409", description = "Another change reached the flag first while this one waited (code flag_changed): read it again")
    @APIResponse(responseCode = "428", description = "If-Match is missing (code precondition_required)")
    public Response delete(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("reason") @NotBlank String reason, @Context SecurityContext security) {
        admin.delete(key, Preconditions.expectedVersion(ifMatch), actor(security), reason);
        return Response.noContent().build();
    }

    static String actor(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    private static Response withEtag(Response.ResponseBuilder response, FlagEntity row) {
        FlagView view = FlagView.of(row);
        return response.entity(view).header("ETag", view.etag()).build();
    }
}

package com.fincafacil.farm.rest;

import com.fincafacil.commons.security.Roles;
import com.fincafacil.farm.repository.ApiKeyEntity;
import com.fincafacil.farm.repository.FincaEntity;
import com.fincafacil.farm.service.ApiKeyService;
import com.fincafacil.farm.service.FincaService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Operators manage fincas and their API keys (bearer token: viewer reads, operator writes). */
@Path("/api/v1/admin/fincas")
@Tag(name = "Fincas (operators)")
public class FincaResource {

    private final FincaService fincas;
    private final ApiKeyService keys;

    public FincaResource(FincaService fincas, ApiKeyService keys) {
        this.fincas = fincas;
        this.keys = keys;
    }

    public record FincaRequest(String name, String department, String municipality, String deploymentLevel) {
        FincaService.FincaFields fields() {
            return new FincaService.FincaFields(name, department, municipality, deploymentLevel);
        }
    }

    public record FincaView(UUID id, String name, String department, String municipality, String deploymentLevel,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        public static FincaView of(FincaEntity f) {
            return new FincaView(f.id, f.name, f.department, f.municipality, f.deploymentLevel, f.createdAt, f.updatedAt);
        }
    }

    public record KeyRequest(String label) {
    }

    public record KeyView(UUID id, String prefix, String label, OffsetDateTime createdAt, String createdBy,
                          OffsetDateTime revokedAt) {
        static KeyView of(ApiKeyEntity k) {
            return new KeyView(k.id, k.prefix, k.label, k.createdAt, k.createdBy, k.revokedAt);
        }
    }

    /** The one answer that contains the key. */
    public record CreatedKeyView(UUID id, String prefix, String label, String key, String note) {
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "createFinca", summary = "Create a finca")
    @APIResponse(responseCode = "201", description = "The finca, created",
            headers = @Header(name = "Location", description = "The finca's address", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = FincaView.class)))
    public Response create(@NotNull FincaRequest request) {
        FincaEntity finca = fincas.create(request.fields());
        return Response.created(URI.create("/api/v1/admin/fincas/" + finca.id)).entity(FincaView.of(finca)).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listFincas", summary = "Every finca, by name")
    public List<FincaView> list() {
        return fincas.list().stream().map(FincaView::of).toList();
    }

    @GET
    @Path("/{fincaId}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "getFinca", summary = "One finca")
    public FincaView get(@PathParam("fincaId") UUID fincaId) {
        return FincaView.of(fincas.get(fincaId));
    }

    @PATCH
    @Path("/{fincaId}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "updateFinca", summary = "Update a finca's name, place or deployment level")
    public FincaView update(@PathParam("fincaId") UUID fincaId, @NotNull FincaRequest request) {
        return FincaView.of(fincas.update(fincaId, request.fields()));
    }

    @POST
    @Path("/{fincaId}/api-keys")
    @RolesAllowed(Roles.OPERATOR)
    // the body is optional: without this a bodiless POST (no Content-Type) would be a 415
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key for the finca's app; the key is shown only in this answer")
    @APIResponse(responseCode = "201", description = "The key, shown this once",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = CreatedKeyView.class)))
    public Response createKey(@PathParam("fincaId") UUID fincaId,
                              @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false) KeyRequest request,
                              @Context SecurityContext security) {
        ApiKeyService.CreatedKey created = keys.create(fincaId, request == null ? null : request.label(),
                security.getUserPrincipal().getName());
        return Response.status(201).entity(new CreatedKeyView(created.entity().id, created.entity().prefix,
                created.entity().label, created.key(), "Store this key now: it cannot be shown again.")).build();
    }

    @GET
    @Path("/{fincaId}/api-keys")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listApiKeys", summary = "The finca's API keys, oldest first (never the keys themselves)")
    public List<KeyView> listKeys(@PathParam("fincaId") UUID fincaId) {
        return keys.list(fincaId).stream().map(KeyView::of).toList();
    }

    @DELETE
    @Path("/{fincaId}/api-keys/{keyId}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
    public KeyView revoke(@PathParam("fincaId") UUID fincaId, @PathParam("keyId") UUID keyId) {
        return KeyView.of(keys.revoke(fincaId, keyId));
    }
}

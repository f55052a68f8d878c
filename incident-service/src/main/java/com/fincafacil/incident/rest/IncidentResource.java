package com.fincafacil.incident.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.incident.domain.IncidentStatus;
import com.fincafacil.incident.domain.Severity;
import com.fincafacil.incident.service.IncidentQueries;
import com.fincafacil.incident.service.IncidentService;
import com.fincafacil.incident.service.Refusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;
import java.util.UUID;

/** Incidents (docs/incident-api.md, "Incidents"). */
@Path("/api/v1/incidents")
public class IncidentResource {

    private final IncidentService service;
    private final IncidentQueries queries;

    public IncidentResource(IncidentService service, IncidentQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    public record OpenIncident(@NotBlank @Size(max = 200) String title,
                               @NotNull Severity severity,
                               @SemanticVersion String releaseVersion) {
    }

    public record Resolve(@Size(max = 2000) String resolution) {
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "The incident, opened",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncidentViews.IncidentView.class)))
    public Response open(@Valid @NotNull OpenIncident request, @Context SecurityContext security) {
        var incident = service.open(request.title(), request.severity(), request.releaseVersion(),
                security.getUserPrincipal().getName());
        return Response.status(201).entity(IncidentViews.IncidentView.of(incident)).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<IncidentViews.IncidentView> list(@QueryParam("status") String status, @QueryParam("severity") String severity) {
        return service.list(parse(IncidentStatus.class, "status", status), parse(Severity.class, "severity", severity)).stream()
                .map(IncidentViews.IncidentView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public IncidentViews.IncidentDetailView get(@PathParam("id") String id) {
        return IncidentViews.IncidentDetailView.of(queries.detail(id(id)));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "200", description = "The incident, acknowledged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncidentViews.IncidentView.class)))
    @APIResponse(responseCode = "409", description = "The incident is not open any more (code incident_not_open)")
    public IncidentViews.IncidentView acknowledge(@PathParam("id") String id, @Context SecurityContext security) {
        return IncidentViews.IncidentView.of(service.acknowledge(id(id), security.getUserPrincipal().getName()));
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "200", description = "The incident, resolved",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncidentViews.IncidentView.class)))
    @APIResponse(responseCode = "409", description = "The incident is resolved already (code incident_already_resolved)")
    public IncidentViews.IncidentView resolve(@PathParam("id") String id, @Valid Resolve request, @Context SecurityContext security) {
        return IncidentViews.IncidentView.of(service.resolve(id(id), security.getUserPrincipal().getName(),
                request == null ? null : request.resolution()));
    }

    static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            // an id that cannot exist is as unknown as one that does not
            throw Refusals.incidentNotFound(text);
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusals.unknownValue(field, type);
        }
    }
}

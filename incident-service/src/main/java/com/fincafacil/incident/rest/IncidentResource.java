package com.fincafacil.incident.rest;

import com.fincafacil.commons.security.Roles;
import com.fincafacil.incident.repository.IncidentEntity;
import com.fincafacil.incident.domain.Severity;
import com.fincafacil.incident.service.IncidentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/incidents")
public class IncidentResource {

    private final IncidentService service;

    public IncidentResource(IncidentService service) {
        this.service = service;
    }

    public record OpenIncident(@NotBlank @Size(max = 200) String title,
                               @NotNull Severity severity,
                               @Pattern(regexp = "\\d+\\.\\d+\\.\\d+([-+].*)?", message = "must be a semantic version")
                               String releaseVersion) {
    }

    public record IncidentView(UUID id, String title, Severity severity, String releaseVersion,
                               OffsetDateTime openedAt, String openedBy, OffsetDateTime postmortemDue) {
        static IncidentView of(IncidentEntity i) {
            return new IncidentView(i.id, i.title, i.severity, i.releaseVersion, i.openedAt, i.openedBy, i.postmortemDue);
        }
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    public Response open(@Valid @NotNull OpenIncident request, @Context SecurityContext security) {
        IncidentEntity incident = service.open(request.title(), request.severity(), request.releaseVersion(),
                security.getUserPrincipal().getName());
        return Response.status(201).entity(IncidentView.of(incident)).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<IncidentView> list() {
        return service.list().stream().map(IncidentView::of).toList();
    }
}

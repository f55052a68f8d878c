package com.fincafacil.release.rest;

import com.fincafacil.commons.security.Roles;
import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.service.ReleasePlanningService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/releases")
public class ReleaseResource {

    private final ReleasePlanningService planning;

    public ReleaseResource(ReleasePlanningService planning) {
        this.planning = planning;
    }

    public record PlanRelease(@NotBlank String version, @NotBlank String kind, @NotEmpty List<@NotBlank String> changes) {
    }

    public record ReleaseView(UUID id, String version, String kind, ReleaseState state, List<String> changes,
                              OffsetDateTime createdAt, String createdBy) {
        static ReleaseView of(ReleaseEntity r) {
            return new ReleaseView(r.id, r.version, r.kind, r.state, List.of(r.changes.split("\n")), r.createdAt, r.createdBy);
        }
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    public Response plan(@Valid @NotNull PlanRelease request, @Context SecurityContext security) {
        ReleaseEntity release = planning.plan(request.version(), request.kind(), request.changes(),
                security.getUserPrincipal().getName());
        return Response.status(201).entity(ReleaseView.of(release)).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ReleaseView> list() {
        return planning.list().stream().map(ReleaseView::of).toList();
    }
}

package com.fincafacil.flags.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.flags.repository.ScheduledChangeEntity;
import com.fincafacil.flags.service.ScheduledChangeService;
import com.fincafacil.flags.service.ScheduledChangeService.ScheduleChange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Scheduled flag changes: at a given time, or in the next deployment window of deployment.json. */
@Path("/api/v1/scheduled-changes")
@Tag(name = "Scheduled changes")
public class ScheduledChangeResource {

    private final ScheduledChangeService scheduled;

    public ScheduledChangeResource(ScheduledChangeService scheduled) {
        this.scheduled = scheduled;
    }

    public record ScheduledView(UUID id, String flag, OffsetDateTime applyAt, Boolean habilitado,
                                @JsonProperty("porcentaje_rollout") Integer porcentajeRollout, String reason,
                                String createdBy, String status, OffsetDateTime appliedAt, String outcome) {
        static ScheduledView of(ScheduledChangeEntity c) {
            return new ScheduledView(c.id, c.flagKey, c.applyAt, c.habilitado, c.porcentajeRollout, c.reason,
                    c.createdBy, c.status, c.appliedAt, c.outcome);
        }
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Schedule a change of habilitado and/or porcentaje_rollout")
    @APIResponse(responseCode = "201", description = "The change, scheduled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduledView.class)))
    @APIResponse(responseCode = "422", description = "'at' is in the past (code at_in_past), or the flag cannot take the change")
    public Response schedule(@NotNull ScheduleChange request, @Context SecurityContext security) {
        var change = scheduled.schedule(request, FlagAdminResource.actor(security));
        return Response.status(201).entity(ScheduledView.of(change)).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ScheduledView> list(@QueryParam("status") @Pattern(regexp = "PENDING|APPLIED|CANCELLED|FAILED") String status) {
        return scheduled.list(status).stream().map(ScheduledView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "200", description = "The change, cancelled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduledView.class)))
    @APIResponse(responseCode = "409", description = "The change was applied or cancelled already (code scheduled_change_not_pending)")
    public ScheduledView cancel(@PathParam("id") UUID id, @Context SecurityContext security) {
        return ScheduledView.of(scheduled.cancel(id, FlagAdminResource.actor(security)));
    }
}

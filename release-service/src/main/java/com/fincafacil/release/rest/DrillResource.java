package com.fincafacil.release.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.release.repository.DrillEntity;
import com.fincafacil.release.service.Drills;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The go-live drills' outcomes: {@code ./fincafacil drill} records each run; the {@code last_drill} gate reads the latest. */
@Path("/api/v1/drills")
public class DrillResource {

    /** How many drills the list shows. */
    private static final int SHOWN = 50;

    private final Drills drills;

    public DrillResource(Drills drills) {
        this.drills = drills;
    }

    /** A drill's outcome as the drill reports it; {@code report} is its one-screen report as JSON. */
    public record RecordDrill(@NotBlank @Size(max = 100) String version,
                              @NotNull @Pattern(regexp = "error-rate|freeze|revenue|latency", message = "must be error-rate, freeze, revenue or latency") String fault,
                              @NotNull Boolean passed, @NotNull OffsetDateTime startedAt, @NotNull OffsetDateTime finishedAt,
                              @NotNull Map<String, Object> report) {
    }

    public record DrillView(UUID id, String version, String fault, boolean passed, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                            String recordedBy, OffsetDateTime recordedAt, Map<String, Object> report) {
        static DrillView of(DrillEntity d) {
            return new DrillView(d.id, d.version, d.fault, d.passed, d.startedAt, d.finishedAt, d.recordedBy, d.recordedAt, d.report);
        }
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "The drill, recorded (Location names it)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DrillView.class)))
    public Response record(@Valid @NotNull RecordDrill request, @Context SecurityContext security, @Context UriInfo uri) {
        DrillEntity drill = drills.record(new Drills.Outcome(request.version(), request.fault(), request.passed(), request.startedAt(),
                request.finishedAt(), request.report()), security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(drill.id.toString()).build()).entity(DrillView.of(drill)).build();
    }

    /** Newest first. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<DrillView> list() {
        return drills.latest(SHOWN).stream().map(DrillView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public DrillView get(@PathParam("id") UUID id) {
        return DrillView.of(drills.get(id));
    }
}

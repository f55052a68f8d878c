package com.fincafacil.release.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.rest.ReleaseViews.ReleaseView;
import com.fincafacil.release.service.DisasterRestore;
import com.fincafacil.release.service.ReleasePlanningService;
import com.fincafacil.release.service.ReleasePlanningService.PlanRelease;
import com.fincafacil.release.service.ReleaseCommands;
import com.fincafacil.release.service.StartCheck;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/releases")
public class ReleaseResource {

    /** The analysis' latest measurements a release's view shows (every one is stored). */
    private static final int MEASUREMENTS_SHOWN = 60;

    private final ReleasePlanningService planning;
    private final StartCheck startCheck;
    private final ReleaseCommands commands;
    private final DisasterRestore restore;

    public ReleaseResource(ReleasePlanningService planning, StartCheck startCheck, ReleaseCommands commands, DisasterRestore restore) {
        this.planning = planning;
        this.startCheck = startCheck;
        this.commands = commands;
        this.restore = restore;
    }

    /** A hotfix's reason, needed to start outside the deployment window. */
    public record StartRelease(@Size(max = 500) String reason) {
    }

    /** What a disaster restore does with rows written after the backup: carry them over, or refuse while any exist. */
    public record RestoreBackup(@NotNull @Pattern(regexp = "reapply|refuse", message = "must be reapply or refuse") String postSnapshotRows) {
    }

    /** An operator's acknowledgement of a human checklist item. */
    public record Acknowledge(@NotBlank String item, @Size(max = 500) String note) {
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "The release, planned (Location names it)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "409", description = "This version is planned already (code release_already_planned)")
    @APIResponse(responseCode = "422", description = "The version is not above the running one or not of this kind, "
            + "has no CHANGELOG entry, or names no changes")
    public Response plan(@NotNull PlanRelease request, @Context SecurityContext security, @Context UriInfo uri) {
        ReleaseEntity release = planning.plan(request, security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(release.id.toString()).build())
                .entity(view(release)).build();
    }

    /** Newest first; {@code state} one of the release states, {@code from}/{@code to} ISO dates or date-times (to exclusive). */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ReleaseView> list(@QueryParam("state") String state, @QueryParam("from") String from, @QueryParam("to") String to) {
        return planning.search(ReleaseQueries.state(state), ReleaseQueries.instant("from", from), ReleaseQueries.instant("to", to)).stream()
                .map(r -> ReleaseView.of(r, null)).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public ReleaseView get(@PathParam("id") UUID id) {
        return view(planning.find(id));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "The release, approved (a second approval keeps the first)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "403",
            description = "The planner approves their own release (code own_release_approval), or too low a role")
    public ReleaseView approve(@PathParam("id") UUID id, @Context SecurityContext security) {
        return view(planning.approve(id, security.getUserPrincipal().getName()));
    }

    /** Starts a planned release; it runs on its own from here (202), its timeline shows each step. */
    @POST
    @Path("{id}/start")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "202", description = "Started; the runner takes it from here and its timeline shows each step",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "409", description = "Another release is running, or this one is past PLANNED")
    @APIResponse(responseCode = "422", description = "A gate refuses the start (code release_cannot_start; errors[] names each gate)")
    public Response start(@PathParam("id") UUID id, @Valid StartRelease request, @Context SecurityContext security) {
        commands.start(id, security.getUserPrincipal().getName(), request == null ? null : request.reason());
        return Response.accepted(view(planning.find(id))).build();
    }

    /** Records an operator's acknowledgement of a human checklist item (the first one of an item stands). */
    @POST
    @Path("{id}/acks")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "200", description = "The release with its acknowledgements",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "409", description = "The release is past the point where acknowledgements count")
    public ReleaseView acknowledge(@PathParam("id") UUID id, @Valid @NotNull Acknowledge request, @Context SecurityContext security) {
        planning.acknowledge(id, request.item(), security.getUserPrincipal().getName(), request.note());
        return view(planning.find(id));
    }

    /** Runs a FAILED release's failed step again (202: the runner does it). */
    @POST
    @Path("{id}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "202", description = "The failed step runs again; the timeline shows it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "409", description = "The release is not FAILED, or another release is running")
    public Response retry(@PathParam("id") UUID id, @Context SecurityContext security) {
        commands.retry(id, security.getUserPrincipal().getName());
        return Response.accepted(view(planning.find(id))).build();
    }

    /** Completes a release in MONITORING now rather than at the end of its monitoring window. */
    @POST
    @Path("{id}/promote")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "200", description = "The release, completing",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "409", description = "The release is not in MONITORING (code release_state_refuses)")
    public ReleaseView promote(@PathParam("id") UUID id, @Context SecurityContext security) {
        commands.promote(id, security.getUserPrincipal().getName());
        return view(planning.find(id));
    }

    /** Stops a release before its switch (the new slot is stopped; applied expand migrations stay). */
    @POST
    @Path("{id}/abort")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "200", description = "The release, FAILED as aborted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "409", description = "The release has switched already, or is over (code release_state_refuses)")
    public ReleaseView abort(@PathParam("id") UUID id, @Context SecurityContext security) {
        commands.abort(id, security.getUserPrincipal().getName());
        return view(planning.find(id));
    }

    /** Sends traffic back to the previous version after the switch (202: the runner does it). */
    @POST
    @Path("{id}/rollback")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "202", description = "The rollback is under way; the timeline shows traffic going back",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "409", description = "The release has not switched, or is over (code release_state_refuses)")
    public Response rollback(@PathParam("id") UUID id, @Context SecurityContext security) {
        commands.rollback(id, security.getUserPrincipal().getName());
        return Response.accepted(view(planning.find(id))).build();
    }

    /**
     * Disaster restore (admin): the release's backup into a new farm database that takes the farm
     * database's place; the failed one is kept aside. The answer is the report, per table.
     */
    @POST
    @Path("{id}/restore")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "The restore's report, per table")
    @APIResponse(responseCode = "409", description = "No usable backup, restored already, another release or restore running, "
            + "or rows written after the backup with postSnapshotRows=refuse (errors[] names each table)")
    @APIResponse(responseCode = "500",
            description = "The restore failed part way (code restore_failed); the farm database is put back as it was")
    @APIResponse(responseCode = "503", description = "The farm database cannot be reached (code farm_database_unavailable)")
    public Map<String, Object> restore(@PathParam("id") UUID id, @Valid @NotNull RestoreBackup request, @Context SecurityContext security) {
        return restore.restore(id, DisasterRestore.Mode.valueOf(request.postSnapshotRows().toUpperCase(java.util.Locale.ROOT)),
                security.getUserPrincipal().getName());
    }

    /** One release in full: its timeline and, while it is planned, whether it could start now. */
    private ReleaseView view(ReleaseEntity release) {
        StartCheck.Answer check = release.state == ReleaseState.PLANNED && release.startedAt == null
                ? startCheck.check(release, null) : null;
        return ReleaseView.of(release, planning.timeline(release.id), check, planning.acknowledgements(release.id),
                planning.measurements(release.id, MEASUREMENTS_SHOWN));
    }
}

package com.fincafacil.incident.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.incident.domain.DeploymentStatus;
import com.fincafacil.incident.domain.report.ReportText;
import com.fincafacil.incident.service.ReportJson;
import com.fincafacil.incident.service.Refusals;
import com.fincafacil.incident.service.ReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Deployment reports (docs/incident-api.md, "Deployment reports"). */
@Path("/api/v1/reports")
public class ReportResource {

    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    public record AddFollowUp(@NotBlank @Size(max = 500) String text, @Size(max = 200) String owner, LocalDate due) {
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ReportJson> list(@QueryParam("version") String version, @QueryParam("status") String status,
                                 @QueryParam("from") String from, @QueryParam("to") String to) {
        DeploymentStatus wanted = status == null ? null : DeploymentStatus.parse(status).orElseThrow(() -> Refusals.unknownValue(
                "status", DeploymentStatus.names()));
        OffsetDateTime start = Periods.bound("from", from, reports.zone());
        OffsetDateTime end = Periods.bound("to", to, reports.zone());
        Periods.ordered(start, end);
        return reports.search(Periods.version("version", version), wanted == null ? null : wanted.name(), start, end).stream()
                .map(r -> ReportJson.of(r, reports.zone())).toList();
    }

    @GET
    @Path("/{version}")
    @RolesAllowed(Roles.VIEWER)
    public ReportJson get(@PathParam("version") String version) {
        return ReportJson.of(reports.byVersion(Periods.version("version", version)), reports.zone());
    }

    /** The report in the seed's text format. */
    @GET
    @Path("/{version}/text")
    @Produces("text/plain;charset=UTF-8")
    @RolesAllowed(Roles.VIEWER)
    public String text(@PathParam("version") String version) {
        return ReportText.render(reports.byVersion(Periods.version("version", version)), reports.zone());
    }

    @POST
    @Path("/{version}/actions")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "The report with the follow-up action",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportJson.class)))
    public Response addFollowUp(@PathParam("version") String version, @Valid @NotNull AddFollowUp request,
                                @Context SecurityContext security) {
        var report = reports.addFollowUp(Periods.version("version", version), request.text(), request.owner(), request.due(),
                security.getUserPrincipal().getName());
        return Response.status(201).entity(ReportJson.of(report, reports.zone())).build();
    }
}

package com.fincafacil.incident.rest;

import com.fincafacil.commons.security.Roles;
import com.fincafacil.incident.repository.PostmortemEntity;
import com.fincafacil.incident.service.PostmortemService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Post-mortems (docs/incident-api.md, "Post-mortems"). */
@Path("/api/v1/incidents/{id}/postmortem")
public class PostmortemResource {

    private final PostmortemService postmortems;

    public PostmortemResource(PostmortemService postmortems) {
        this.postmortems = postmortems;
    }

    public record ActionItem(@NotBlank @Size(max = 500) String description, @NotBlank @Size(max = 200) String owner,
                             @NotNull LocalDate due) {
    }

    public record Moment(@NotNull OffsetDateTime at, @NotBlank @Size(max = 1000) String text) {
    }

    public record WritePostmortem(@NotBlank @Size(max = 4000) String summary, @NotBlank @Size(max = 4000) String impact,
                                  @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Moment> timeline,
                                  @NotBlank @Size(max = 4000) String rootCause,
                                  @NotNull @Size(max = 50) List<@NotBlank @Size(max = 1000) String> contributingFactors,
                                  @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull ActionItem> actionItems) {
    }

    public record PostmortemView(UUID incidentId, String summary, String impact, List<Map<String, String>> timeline,
                                 String rootCause, List<String> contributingFactors, List<Map<String, String>> actionItems,
                                 String writtenBy, OffsetDateTime writtenAt) {
        static PostmortemView of(PostmortemEntity p) {
            return new PostmortemView(p.incidentId, p.summary, p.impact, p.timeline, p.rootCause, p.contributingFactors,
                    p.actionItems, p.writtenBy, p.writtenAt);
        }
    }

    @PUT
    @RolesAllowed(Roles.OPERATOR)
    public PostmortemView write(@PathParam("id") String id, @Valid @NotNull WritePostmortem request, @Context SecurityContext security) {
        var draft = new PostmortemService.Draft(request.summary(), request.impact(),
                request.timeline().stream().map(m -> new PostmortemService.Moment(m.at(), m.text())).toList(),
                request.rootCause(), request.contributingFactors(),
                request.actionItems().stream().map(a -> new PostmortemService.ActionItem(a.description(), a.owner(), a.due())).toList());
        return PostmortemView.of(postmortems.write(IncidentResource.id(id), draft, security.getUserPrincipal().getName()));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public PostmortemView get(@PathParam("id") String id) {
        return PostmortemView.of(postmortems.get(IncidentResource.id(id)));
    }
}

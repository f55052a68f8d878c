package com.fincafacil.incident.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fincafacil.commons.refusal.OneOf;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.incident.config.IncidentConfig;
import com.fincafacil.incident.domain.announce.AnnouncementKind;
import com.fincafacil.incident.domain.announce.ChannelKind;
import com.fincafacil.incident.domain.announce.SecretUrl;
import com.fincafacil.incident.repository.ChannelEntity;
import com.fincafacil.incident.repository.NotificationEntity;
import com.fincafacil.incident.service.AnnouncementService;
import com.fincafacil.incident.service.Refusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Announcement channels, templates and deliveries (docs/incident-api.md, "Announcements"). */
@Path("/api/v1/announcements")
public class AnnouncementResource {

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "GAVE_UP");

    private final AnnouncementService announcements;
    private final IncidentConfig config;

    public AnnouncementResource(AnnouncementService announcements, IncidentConfig config) {
        this.announcements = announcements;
        this.config = config;
    }

    public record NewChannel(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.#-]+", message = "letters, digits, '_', '.', '#', '-'") String name,
                             @NotNull ChannelKind kind, @NotBlank @Size(max = 2000) @WebhookUrl String url,
                             @NotNull @Size(min = 1, max = 10) @OneOf(enumType = AnnouncementKind.class) List<@NotNull String> events) {
    }

    public record ChannelChange(@Size(max = 2000) @WebhookUrl String url,
                                @Size(min = 1, max = 10) @OneOf(enumType = AnnouncementKind.class) List<@NotNull String> events,
                                Boolean enabled) {
    }

    public record TemplateChange(@NotBlank @Size(max = 2000) String template) {
    }

    /** A channel as the API shows it: the URL masked, and whether it keeps failing. */
    public record ChannelView(UUID id, String name, ChannelKind kind, String url, List<String> events, boolean enabled,
                              String status, int consecutiveFailures, String lastError, OffsetDateTime lastFailureAt,
                              OffsetDateTime lastSuccessAt, String createdBy) {
    }

    public record DeliveryView(Long id, UUID channelId, String kind, String text, String status, int attempts,
                               OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
        static DeliveryView of(NotificationEntity n) {
            return new DeliveryView(n.id, n.channelId, n.kind, n.text, n.status, n.attempts,
                    "PENDING".equals(n.status) ? n.nextAttemptAt : null, n.lastError, n.createdAt, n.deliveredAt);
        }
    }

    @GET
    @Path("/channels")
    @RolesAllowed(Roles.VIEWER)
    public List<ChannelView> channels() {
        return announcements.channels().stream().map(this::view).toList();
    }

    @POST
    @Path("/channels")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "The channel, created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "409", description = "Another channel has this name (code channel_name_taken)")
    public Response create(@Valid @NotNull NewChannel request, @Context SecurityContext security) {
        ChannelEntity c = announcements.create(request.name(), request.kind(), request.url(), request.events(),
                security.getUserPrincipal().getName());
        return Response.status(201).entity(view(c)).build();
    }

    @PATCH
    @Path("/channels/{id}")
    @RolesAllowed(Roles.ADMIN)
    public ChannelView change(@PathParam("id") String id, @Valid @NotNull ChannelChange request) {
        return view(announcements.update(id(id), request.url(), request.events(), request.enabled()));
    }

    @DELETE
    @Path("/channels/{id}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "The channel is deleted; announcements no longer go to it")
    public Response delete(@PathParam("id") String id) {
        announcements.delete(id(id));
        return Response.noContent().build();
    }

    @GET
    @Path("/templates")
    @RolesAllowed(Roles.VIEWER)
    public Map<AnnouncementKind, String> templates() {
        return announcements.templates();
    }

    @PUT
    @Path("/templates/{kind}")
    @RolesAllowed(Roles.OPERATOR)
    public Map<String, String> setTemplate(@PathParam("kind") String kind, @Valid @NotNull TemplateChange request,
                                           @Context SecurityContext security) {
        AnnouncementKind k = AnnouncementService.kind(kind);
        return Map.of("kind", k.name(), "template", announcements.setTemplate(k, request.template(), security.getUserPrincipal().getName()));
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed(Roles.VIEWER)
    public List<DeliveryView> deliveries(@QueryParam("status") String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw Refusals.unknownValue("status", STATUSES);
        }
        return announcements.deliveries(status, 200).stream().map(DeliveryView::of).toList();
    }

    private ChannelView view(ChannelEntity c) {
        String status = c.consecutiveFailures >= config.announcements().failingAfter() ? "FAILING"
                : c.lastSuccessAt == null && c.consecutiveFailures == 0 ? "UNTESTED" : "OK";
        return new ChannelView(c.id, c.name, c.kind, SecretUrl.mask(c.url), c.events, c.enabled, status, c.consecutiveFailures,
                c.lastError, c.lastFailureAt, c.lastSuccessAt, c.createdBy);
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Refusals.channelNotFound(text);
        }
    }
}

package com.fincafacil.release.rest.console;

import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.release.client.OperatorApi;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Flags screen, on flags-service's admin API with the operator's own token: each flag, who
 * changed it last, the percentage form (If-Match with the version the form was drawn from, so a
 * stale form is told it is stale), the kill switch and the audit log.
 */
@Path("/console/flags")
@Produces(MediaType.TEXT_HTML)
public class ConsoleFlags {

    private static final int AUDIT_SHOWN = 50;

    private final OperatorApi api;
    private final ConsolePage page;
    private final SecurityIdentity identity;

    public ConsoleFlags(OperatorApi api, ConsolePage page, SecurityIdentity identity) {
        this.api = api;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance flags(@QueryParam("done") String done, @QueryParam("flag") String flag, RoutingContext request) {
        return screen(request, null, flag).data("done", done);
    }

    @GET
    @Path("{key}/confirm-kill")
    @RolesAllowed(Roles.OPERATOR)
    public TemplateInstance confirmKill(@PathParam("key") String key, RoutingContext request) {
        return page.page(request, "console/flag-kill.html", "flags").data("key", key);
    }

    @POST
    @Path("{key}/percentage")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response percentage(@PathParam("key") String key, @RestForm String percentage, @RestForm String version,
                               @RestForm String reason, RoutingContext request) {
        Map<String, Object> body = new HashMap<>();
        // a number when it reads as one; otherwise as typed, so flags-service names the field
        body.put("porcentaje_rollout", percentage != null && percentage.trim().matches("-?\\d+") ? Integer.valueOf(percentage.trim()) : percentage);
        body.put("reason", reason == null || reason.isBlank() ? "console" : reason.trim());
        return answer(request, key, "percentage", api.flags(caller(request), "PATCH", "/api/v1/flags/" + encode(key), body,
                "\"" + (version == null ? "" : version) + "\""));
    }

    @POST
    @Path("{key}/kill")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response kill(@PathParam("key") String key, @RestForm String reason, RoutingContext request) {
        return answer(request, key, "killed", api.flags(caller(request), "POST", "/api/v1/flags/" + encode(key) + "/kill",
                Map.of("reason", reason == null || reason.isBlank() ? "kill switch (console)" : reason.trim()), null));
    }

    private Response answer(RoutingContext request, String key, String done, OperatorApi.Answer answer) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/flags?done=" + done + "&flag=" + encode(key))).build();
        }
        Map<String, String> texts = ConsoleLocale.texts(ConsoleLocale.of(request));
        Problem problem = answer.problem();
        List<String> lines = problem.status() == 409 && "If-Match".equals(problem.field())
                ? List.of(texts.get("flag_stale"), problem.detail()) : ConsolePage.explain(problem, texts);
        return Response.status(answer.status()).entity(screen(request, lines, key).data("done", null)).build();
    }

    private TemplateInstance screen(RoutingContext request, List<String> problem, String flag) {
        OperatorApi.Answer flags = api.flags(caller(request), "GET", "/api/v1/flags", null, null);
        OperatorApi.Answer audit = api.flags(caller(request), "GET", "/api/v1/audit?limit=" + AUDIT_SHOWN, null, null);
        List<Map<String, Object>> entries = audit.ok() ? list(audit.body()).stream().map(ConsoleFlags::inBogota).toList() : List.of();
        Map<String, Map<String, Object>> last = new HashMap<>();
        entries.forEach(e -> last.putIfAbsent(String.valueOf(e.get("flagKey")), e));
        List<Map<String, Object>> rows = new ArrayList<>();
        if (flags.ok()) {
            for (Map<String, Object> f : list(flags.body())) {
                Map<String, Object> row = new LinkedHashMap<>(f);
                row.put("lastChange", last.get(String.valueOf(f.get("key"))));
                rows.add(row);
            }
        }
        return page.page(request, "console/flags.html", "flags").data("flags", rows).data("audit", entries)
                .data("unavailable", flags.ok() ? null : ConsolePage.explain(flags.problem(), ConsoleLocale.texts(ConsoleLocale.of(request))))
                .data("problem", problem).data("flag", flag);
    }

    /** An audit entry with its time as the console shows times (Bogotá, to the second). */
    private static Map<String, Object> inBogota(Map<String, Object> entry) {
        Map<String, Object> shown = new LinkedHashMap<>(entry);
        try {
            shown.put("at", ConsoleViews.time(java.time.OffsetDateTime.parse(String.valueOf(entry.get("at")))));
        } catch (java.time.format.DateTimeParseException e) {
            // shown as flags-service wrote it
        }
        return shown;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object body) {
        return body instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /** Who calls the other service, and the language its problems should be told in: the operator's. */
    private OperatorApi.Caller caller(RoutingContext request) {
        return new OperatorApi.Caller(OperatorToken.of(identity), ConsoleLocale.of(request));
    }
}

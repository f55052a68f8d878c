package com.fincafacil.release.rest.console;

import com.fincafacil.commons.security.Roles;
import com.fincafacil.release.client.OperatorApi;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Incidents screen, on incident-service's API with the operator's own token: open incidents,
 * post-mortems overdue, the latest deployment reports in the seed's text format, and the DORA
 * figures with their bands as a chart.
 */
@Path("/console/incidents")
@Produces(MediaType.TEXT_HTML)
public class ConsoleIncidents {

    private static final int REPORTS_SHOWN = 5;
    /** A band's bar length: elite fills the bar, low a quarter of it. */
    private static final Map<String, Integer> BAND_WIDTH = Map.of("ELITE", 100, "HIGH", 75, "MEDIUM", 50, "LOW", 25);

    private final OperatorApi api;
    private final ConsolePage page;
    private final SecurityIdentity identity;

    public ConsoleIncidents(OperatorApi api, ConsolePage page, SecurityIdentity identity) {
        this.api = api;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance incidents(RoutingContext request) {
        OperatorApi.Caller raw = caller(request);
        OperatorApi.Answer incidents = api.incidents(raw, "/api/v1/incidents");
        OperatorApi.Answer overdue = api.incidents(raw, "/api/v1/postmortems/overdue");
        OperatorApi.Answer reports = api.incidents(raw, "/api/v1/reports");
        OperatorApi.Answer dora = api.incidents(raw, "/api/v1/dora?days=90");
        List<Map<String, Object>> open = ConsoleFlags.list(incidents.body()).stream()
                .filter(i -> !"RESOLVED".equals(i.get("status"))).toList();
        List<Map<String, Object>> texts = new ArrayList<>();
        for (Map<String, Object> report : ConsoleFlags.list(reports.body()).stream().limit(REPORTS_SHOWN).toList()) {
            String version = String.valueOf(report.get("version"));
            OperatorApi.Answer text = api.incidents(raw, "/api/v1/reports/" + URLEncoder.encode(version, StandardCharsets.UTF_8) + "/text");
            Map<String, Object> shown = new LinkedHashMap<>(report);
            shown.put("text", text.ok() ? text.body() : "");
            texts.add(shown);
        }
        return page.page(request, "console/incidents.html", "incidents").data("open", open)
                .data("overdue", ConsoleFlags.list(overdue.body())).data("reports", texts)
                .data("dora", dora.ok() ? doraBars(dora.body(), ConsoleLocale.texts(ConsoleLocale.of(request))) : List.of())
                .data("unavailable", incidents.ok() ? null : ConsolePage.explain(incidents.problem(),
                        ConsoleLocale.texts(ConsoleLocale.of(request))));
    }

    /** Each DORA metric with a band as a bar: its name, its figure's text, its band and the bar's width. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> doraBars(Object body, Map<String, String> texts) {
        Map<String, Object> report = body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<Map<String, Object>> bars = new ArrayList<>();
        for (String metric : List.of("deploymentFrequency", "leadTime", "changeFailureRate", "timeToRestore", "rollbackTime")) {
            Map<String, Object> figure = report.get(metric) instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
            Object band = figure.get("band");
            Map<String, Object> target = figure.get("target") instanceof Map<?, ?> t ? (Map<String, Object>) t : Map.of();
            bars.add(Map.of("metric", metric, "band", band == null ? "NONE" : band,
                    "width", band == null ? 0 : BAND_WIDTH.getOrDefault(String.valueOf(band), 0),
                    "figure", figure(metric, figure, texts), "target", String.valueOf(target.getOrDefault("text", "")),
                    "met", String.valueOf(target.get("met"))));
        }
        return bars;
    }

    private static String figure(String metric, Map<String, Object> f, Map<String, String> texts) {
        return switch (metric) {
            case "deploymentFrequency" -> f.get("deployments") + " (" + f.get("perWeek") + " " + texts.get("per_week") + ")";
            case "changeFailureRate" -> f.get("percent") == null ? "—" : f.get("percent") + " % (" + f.get("failures") + "/" + f.get("deployments") + ")";
            case "rollbackTime" -> f.get("medianSeconds") == null ? "—" : f.get("medianSeconds") + " s (" + texts.get("max") + " " + f.get("maxSeconds") + " s)";
            default -> f.get("medianSeconds") == null ? "—" : ConsoleViews.duration(java.time.Duration.ofMillis(
                    Math.round(((Number) f.get("medianSeconds")).doubleValue() * 1000)));
        };
    }

    /** Who calls the other service, and the language its problems should be told in: the operator's. */
    private OperatorApi.Caller caller(RoutingContext request) {
        return new OperatorApi.Caller(OperatorToken.of(identity), ConsoleLocale.of(request));
    }
}

package com.fincafacil.release.rest.console;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.repository.ReleaseEntity;
import com.fincafacil.release.repository.TransitionEntity;
import com.fincafacil.release.rest.ReleaseQueries;
import com.fincafacil.release.rest.console.ConsoleViews.Ack;
import com.fincafacil.release.rest.console.ConsoleViews.GateView;
import com.fincafacil.release.rest.console.ConsoleViews.ReleaseScreen;
import com.fincafacil.release.rest.console.ConsoleViews.Row;
import com.fincafacil.release.rest.console.ConsoleViews.Step;
import com.fincafacil.release.rest.console.ConsoleViews.Verbs;
import com.fincafacil.release.service.ReleaseCommands;
import com.fincafacil.release.service.ReleasePlanningService;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The Releases and Release screens and their actions, held to the API's roles. */
@Path("/console/releases")
@Produces(MediaType.TEXT_HTML)
public class ConsoleReleases {

    private static final int MEASUREMENTS_SHOWN = 60;
    private static final List<String> STEPS = List.of("PLANNED", "CHECKED", "BACKED_UP", "MIGRATED", "DEPLOYED", "VERIFIED",
            "SWITCHED", "MONITORING", "COMPLETED");
    /** Verbs that change a release and the least role each needs: the API's own. */
    private static final Map<String, String> VERBS = Map.of("start", Roles.OPERATOR, "promote", Roles.OPERATOR,
            "abort", Roles.OPERATOR, "rollback", Roles.OPERATOR, "retry", Roles.OPERATOR, "approve", Roles.ADMIN);

    private final ReleasePlanningService planning;
    private final ReleaseCommands commands;
    private final ReleaseConfig config;
    private final ConsolePage page;
    private final SecurityIdentity identity;

    public ConsoleReleases(ReleasePlanningService planning, ReleaseCommands commands, ReleaseConfig config, ConsolePage page,
                           SecurityIdentity identity) {
        this.planning = planning;
        this.commands = commands;
        this.config = config;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance list(@QueryParam("state") String state, @QueryParam("from") String from, @QueryParam("to") String to,
                                 RoutingContext request) {
        return listPage(request, state, from, to, null, Map.of("version", "", "kind", ""));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response plan(@RestForm String version, @RestForm String kind, @RestForm String artifact, RoutingContext request) {
        try {
            ReleaseEntity release = planning.plan(new ReleasePlanningService.PlanRelease(version == null ? null : version.trim(),
                    kind, null, artifact, null, false), who());
            return Response.seeOther(URI.create("/console/releases/" + release.id + "?done=planned")).build();
        } catch (Refusal e) {
            Problem refused = page.problem(e, request);
            List<String> problem = ConsolePage.explain(refused, ConsoleLocale.texts(ConsoleLocale.of(request)));
            return Response.status(refused.status()).entity(listPage(request, null, null, null, problem,
                    Map.of("version", version == null ? "" : version, "kind", kind == null ? "" : kind))).build();
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance release(@PathParam("id") UUID id, @QueryParam("done") String done, RoutingContext request) {
        return page.page(request, "console/release.html", "releases").data("r", screen(planning.find(id)))
                .data("done", done).data("problem", null);
    }

    /** The live part of the Release screen, which htmx asks for every few seconds. */
    @GET
    @Path("{id}/live")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance live(@PathParam("id") UUID id, RoutingContext request) {
        return page.page(request, "console/release-live.html", "releases").data("r", screen(planning.find(id)));
    }

    /** The confirmation of a verb, naming its consequence; its form does the verb. */
    @GET
    @Path("{id}/confirm/{verb}")
    @RolesAllowed(Roles.OPERATOR)
    public TemplateInstance confirm(@PathParam("id") UUID id, @PathParam("verb") String verb, RoutingContext request) {
        return page.page(request, "console/confirm.html", "releases").data("r", screen(planning.find(id))).data("verb", knownVerb(verb));
    }

    @POST
    @Path("{id}/acks")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("id") UUID id, @RestForm String item, @RestForm String note, RoutingContext request) {
        return act(id, "acknowledged", request, () -> planning.acknowledge(id, item == null ? "" : item, who(),
                note == null || note.isBlank() ? null : note.trim()));
    }

    @POST
    @Path("{id}/{verb}")
    @RolesAllowed(Roles.VIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verb(@PathParam("id") UUID id, @PathParam("verb") String verb, @RestForm String reason, RoutingContext request) {
        String known = knownVerb(verb);
        if (!identity.hasRole(VERBS.get(known))) {
            throw new io.quarkus.security.ForbiddenException();
        }
        String by = who();
        return act(id, known, request, () -> {
            switch (known) {
                case "start" -> commands.start(id, by, reason == null || reason.isBlank() ? null : reason.trim());
                case "promote" -> commands.promote(id, by);
                case "abort" -> commands.abort(id, by);
                case "rollback" -> commands.rollback(id, by);
                case "retry" -> commands.retry(id, by);
                default -> planning.approve(id, by);
            }
        });
    }

    /** Does {@code action}; then back to the release with what was done, or the refusal in the operator's language. */
    private Response act(UUID id, String done, RoutingContext request, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/console/releases/" + id + "?done=" + done)).build();
        } catch (Refusal e) {
            Problem refused = page.problem(e, request);
            List<String> problem = ConsolePage.explain(refused, ConsoleLocale.texts(ConsoleLocale.of(request)));
            return Response.status(refused.status()).entity(page.page(request, "console/release.html", "releases")
                    .data("r", screen(planning.find(id))).data("done", null).data("problem", problem)).build();
        }
    }

    private static String knownVerb(String verb) {
        if (!VERBS.containsKey(verb)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return verb;
    }

    private String who() {
        return identity.getPrincipal().getName();
    }

    private TemplateInstance listPage(RoutingContext request, String state, String from, String to, List<String> problem,
                                      Map<String, String> form) {
        List<Row> rows;
        try {
            rows = planning.search(ReleaseQueries.state(state), ReleaseQueries.instant("from", from), ReleaseQueries.instant("to", to))
                    .stream().map(Row::of).toList();
        } catch (Refusal e) {
            rows = List.of();
            problem = ConsolePage.explain(page.problem(e, request), ConsoleLocale.texts(ConsoleLocale.of(request)));
        }
        return page.page(request, "console/releases.html", "releases").data("rows", rows)
                .data("states", Arrays.stream(ReleaseState.values()).map(Enum::name).toList())
                .data("state", state == null ? "" : state).data("from", from == null ? "" : from).data("to", to == null ? "" : to)
                .data("problem", problem).data("form", form).data("kinds", List.of("patch", "minor", "major", "hotfix"));
    }

    private ReleaseScreen screen(ReleaseEntity r) {
        List<TransitionEntity> timeline = planning.timeline(r.id);
        List<Ack> acks = planning.acknowledgements(r.id).stream().map(Ack::of).toList();
        Set<String> acked = acks.stream().map(Ack::item).collect(java.util.stream.Collectors.toSet());
        List<String> human = config.acknowledgements();
        List<GateView> gates = r.gates.stream().map(g -> new GateView(String.valueOf(g.get("name")), String.valueOf(g.get("status")),
                g.get("detail") == null ? "" : String.valueOf(g.get("detail")), human.contains(String.valueOf(g.get("name"))),
                acked.contains(String.valueOf(g.get("name"))))).toList();
        String rollbackTime = rollbackTime(timeline);
        return new ReleaseScreen(r.id.toString(), r.version, r.kind, r.state.name(), !ConsoleViews.FINAL.contains(r.state),
                r.previousVersion, r.createdBy, ConsoleViews.time(r.createdAt), r.startedBy, ConsoleViews.time(r.startedAt),
                r.hotfixReason, r.fromSlot, r.toSlot, r.approvedBy, r.migrationKind, ConsoleViews.time(r.monitoringUntil),
                r.changes, timeline.stream().map(Step::of).toList(), gates, acks,
                human.stream().filter(h -> !acked.contains(h)).toList(),
                Charts.of(planning.measurements(r.id, MEASUREMENTS_SHOWN)), Verbs.of(r), rollbackTime, STEPS, STEPS.indexOf(r.state.name()));
    }

    /**
     * An automatic rollback's time from the first failing measurement to traffic back (the
     * runner's {@code rollbackMs}); a manual one's from the operator's request to traffic back.
     */
    private static String rollbackTime(List<TransitionEntity> timeline) {
        TransitionEntity asked = null;
        for (TransitionEntity t : timeline) {
            if (t.to == ReleaseState.ROLLING_BACK) {
                asked = t;
            } else if (t.to == ReleaseState.ROLLED_BACK) {
                long ms = t.figures != null && t.figures.get("rollbackMs") instanceof Number n ? n.longValue()
                        : asked == null ? -1 : java.time.Duration.between(asked.at, t.at).toMillis();
                return ms < 0 ? null : ms + " ms";
            }
        }
        return null;
    }
}

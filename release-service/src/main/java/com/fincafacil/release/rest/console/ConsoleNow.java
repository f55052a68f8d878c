package com.fincafacil.release.rest.console;

import com.fincafacil.commons.security.Roles;
import com.fincafacil.flags.domain.DeploymentWindow;
import com.fincafacil.flags.file.DeploymentFile;
import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.deployment.DeploymentTarget;
import com.fincafacil.release.rest.console.ConsoleViews.Row;
import com.fincafacil.release.rest.console.ConsoleViews.ServiceHealth;
import com.fincafacil.release.rest.console.ConsoleViews.Slot;
import com.fincafacil.release.service.ReleasePlanningService;
import com.fincafacil.release.service.RunningVersion;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The Now screen: what runs, whether everything is ready, the window, and the release in progress. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleNow {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ReleaseConfig config;
    private final DeploymentTarget target;
    private final RunningVersion running;
    private final ReleasePlanningService planning;
    private final SmallRyeHealthReporter health;
    private final ConsolePage page;

    public ConsoleNow(ReleaseConfig config, DeploymentTarget target, RunningVersion running, ReleasePlanningService planning,
                      SmallRyeHealthReporter health, ConsolePage page) {
        this.config = config;
        this.target = target;
        this.running = running;
        this.planning = planning;
        this.health = health;
        this.page = page;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance now(RoutingContext request) {
        // the other services are asked at once, so the slowest one, not their sum, bounds the page
        Map<String, CompletableFuture<ServiceHealth>> others = new java.util.TreeMap<>();
        config.services().forEach((name, url) -> others.put(name, ready(name, url)));
        List<ServiceHealth> services = new ArrayList<>();
        services.add(new ServiceHealth("release-service", !health.getReadiness().isDown(), ""));
        others.values().forEach(f -> services.add(f.join()));
        Instant now = Instant.now();
        List<Slot> slots;
        String slotsProblem = null;
        try {
            slots = target.slots().stream().map(s -> Slot.of(s, now)).toList();
        } catch (RuntimeException e) {
            slots = List.of();
            slotsProblem = e.getMessage();
        }
        DeploymentWindow window = DeploymentFile.window(java.nio.file.Path.of(config.deploymentFile()));
        List<Row> inProgress = planning.search(null, null, null).stream()
                .filter(r -> r.startedAt != null && !ConsoleViews.FINAL.contains(r.state)).map(Row::of).toList();
        return page.page(request, "console/now.html", "now").data("services", services).data("slots", slots)
                .data("slotsProblem", slotsProblem)
                // the slots just read say what runs; the last known answer only when they could not be read
                .data("running", slots.stream().filter(Slot::active).map(Slot::version).findFirst().orElse(running.lastKnown().orElse(null)))
                .data("windowOpen", window.contains(now)).data("nextOpening", ConsoleViews.time(window.nextOpening(now)))
                .data("windowText", window.day().getDisplayName(java.time.format.TextStyle.FULL, Locale.forLanguageTag(ConsoleLocale.of(request)))
                        + " " + window.startHour() + ":00–" + window.endHour() + ":00 (" + window.zone() + ")")
                .data("inProgress", inProgress);
    }

    private static CompletableFuture<ServiceHealth> ready(String name, String url) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> new ServiceHealth(name, r.statusCode() == 200, String.valueOf(r.statusCode())))
                .exceptionally(e -> new ServiceHealth(name, false, "—"));
    }
}

package com.fincafacil.local.drill;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drill's {@code --crash-release-service}: release-service killed (SIGKILL, the control API's
 * crash fault) at each step of the release it runs, up to and including the analysis, so the drill
 * proves on real processes what {@code ReleaseFlowIT} proves on threads: a restarted service
 * resumes every release from what it persisted, and traffic is never left on a slot that is not
 * ready. The launcher starts the service again each time.
 */
final class ReleaseServiceCrashes {

    /** The steps before the analysis a crash is tried at; a step over before it is seen is not crashed at. */
    static final List<String> STEPS = List.of("CHECKED", "BACKED_UP", "MIGRATED", "DEPLOYED", "VERIFIED", "SWITCHED");
    private static final List<String> ENDED = List.of("FAILED", "ROLLED_BACK", "COMPLETED");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final DrillHttp releases;
    private final DrillHttp control;
    private final String releaseServiceUrl;
    private final PrintStream out;
    private final Instant deadline;
    /** Step → how long release-service took to answer ready again, in ms. */
    private final Map<String, Long> crashes = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    ReleaseServiceCrashes(DrillHttp releases, DrillHttp control, String releaseServiceUrl, PrintStream out, Instant deadline) {
        this.releases = releases;
        this.control = control;
        this.releaseServiceUrl = releaseServiceUrl;
        this.out = out;
        this.deadline = deadline;
    }

    /**
     * Follows release {@code id} to MONITORING (or its end), killing release-service at each new
     * step it sees on the way; the crash during the analysis is {@link #crash(String)}'s, once the
     * drill's fault is in force.
     */
    JsonObject untilMonitoring(String id) throws Exception {
        while (true) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the drill ran out of time while crashing release-service");
            }
            JsonObject release = releases.get("/api/v1/releases/" + id);
            String state = release.getString("state");
            if (ENDED.contains(state) || "MONITORING".equals(state)) {
                return release;
            }
            if (STEPS.contains(state) && !crashes.containsKey(state)) {
                crash(state);
            } else {
                Thread.sleep(100);
            }
        }
    }

    /** Kills release-service now, waits for it to answer ready again and checks traffic is on a ready slot. */
    void crash(String step) throws Exception {
        long pid = control.post("/api/v1/faults", new JsonObject().put("kind", "crash").put("service", "release-service")).getLong("pid");
        long t0 = System.nanoTime();
        while (!ready()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("release-service did not come back after the crash at " + step);
            }
            Thread.sleep(200);
        }
        long back = (System.nanoTime() - t0) / 1_000_000;
        crashes.put(step, back);
        JsonObject traffic = control.get("/api/v1/traffic");
        if (!traffic.getBoolean("ready", false)) {
            failures.add("after the crash at " + step + " traffic was on slot " + traffic.getString("activeSlot") + ", which was not ready");
        }
        out.printf("  %s  release-service (pid %d) killed at %s; back in %d ms, traffic on %s (%s)%n",
                java.time.LocalTime.now().withNano(0), pid, step, back, traffic.getString("activeSlot"),
                traffic.getBoolean("ready", false) ? "ready" : "NOT READY");
    }

    private boolean ready() throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(releaseServiceUrl + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    Map<String, Long> crashes() {
        return crashes;
    }

    List<String> failures() {
        return failures;
    }
}

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
 * <p>
 * The steps that wait on the launcher are crashed at for sure: a crash armed on the control verb
 * (migration, deploy, switch) kills release-service as it asks for it, however short the step.
 * The others are over in a few hundred ms and crashed at when the drill sees them in time.
 */
final class ReleaseServiceCrashes {

    /** The steps before the analysis a crash is tried at; a step over before it is seen is not crashed at. */
    static final List<String> STEPS = List.of("CHECKED", "BACKED_UP", "MIGRATED", "DEPLOYED", "VERIFIED", "SWITCHED");
    /** Control verb → the step release-service has persisted when it asks for it. */
    private static final Map<String, String> ARMED = Map.of("migration", "BACKED_UP", "deploy", "MIGRATED", "switch", "VERIFIED");
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
    /** The armed crashes' fault ids, not yet seen fired. */
    private final List<String> armed = new ArrayList<>();
    /** Killed pid → the step it was recorded at. */
    private final Map<Long, String> killed = new LinkedHashMap<>();

    ReleaseServiceCrashes(DrillHttp releases, DrillHttp control, String releaseServiceUrl, PrintStream out, Instant deadline) {
        this.releases = releases;
        this.control = control;
        this.releaseServiceUrl = releaseServiceUrl;
        this.out = out;
        this.deadline = deadline;
    }

    /** Arms a crash of release-service on each control verb a release step waits on; before the release starts. */
    void arm() throws Exception {
        for (String verb : ARMED.keySet()) {
            armed.add(control.post("/api/v1/faults", new JsonObject().put("kind", "crash").put("service", "release-service")
                    .put("on", verb)).getString("id"));
        }
    }

    /**
     * Follows release {@code id} to MONITORING (or its end), seeing release-service back after each
     * armed crash and killing it at each other new step it sees on the way; the crash during the
     * analysis is {@link #crash(String)}'s, once the drill's fault is in force.
     */
    JsonObject untilMonitoring(String id) throws Exception {
        try {
            while (true) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the drill ran out of time while crashing release-service");
                }
                awaitFired();
                JsonObject release;
                try {
                    release = releases.get("/api/v1/releases/" + id);
                } catch (IOException down) {
                    // killed by an armed crash a moment ago: seen fired on the next round
                    Thread.sleep(100);
                    continue;
                }
                String state = release.getString("state");
                if (ENDED.contains(state) || "MONITORING".equals(state)) {
                    awaitFired();
                    return release;
                }
                if (STEPS.contains(state) && !crashes.containsKey(state) && !ARMED.containsValue(state)) {
                    crash(state);
                } else {
                    Thread.sleep(100);
                }
            }
        } finally {
            disarm();
        }
    }

    /** For each armed crash that fired: waits until release-service is back and checks the traffic. */
    private void awaitFired() throws Exception {
        for (Object f : control.list("/api/v1/faults")) {
            JsonObject fault = (JsonObject) f;
            if (armed.contains(fault.getString("id")) && fault.getBoolean("fired", false)) {
                armed.remove(fault.getString("id"));
                long pid = fault.getLong("pid", -1L);
                // the drill's own crash at a step it saw may have found this process dying already: the armed one came first
                String seen = killed.remove(pid);
                if (seen != null) {
                    crashes.remove(seen);
                    out.printf("  (pid %d was killed by the crash armed on %s before the drill's own at %s: counted at %s)%n",
                            pid, fault.getString("on"), seen, ARMED.get(fault.getString("on")));
                }
                recovered(ARMED.get(fault.getString("on")), pid, Instant.parse(fault.getString("firedAt")));
            }
        }
    }

    /** Removes the armed crashes that never fired (the release ended before asking for their verb). */
    private void disarm() {
        for (String fault : List.copyOf(armed)) {
            try {
                control.delete("/api/v1/faults/" + fault);
            } catch (Exception e) {
                out.println("  (armed crash " + fault + " could not be removed: " + e.getMessage() + ")");
            }
        }
        armed.clear();
    }

    /** Kills release-service now, waits for it to answer ready again and checks traffic is on a ready slot. */
    void crash(String step) throws Exception {
        long pid;
        try {
            pid = control.post("/api/v1/faults", new JsonObject().put("kind", "crash").put("service", "release-service")).getLong("pid");
        } catch (DrillHttp.Refused notRunning) {
            if (notRunning.status != 409) {
                throw notRunning;
            }
            // down already: a crash armed on a verb got it first (seen fired on the next round)
            return;
        }
        recovered(step, pid, Instant.now());
    }

    /** Waits until release-service, killed at {@code step}, answers ready again; then checks where traffic is. */
    private void recovered(String step, long pid, Instant at) throws Exception {
        while (!ready()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("release-service did not come back after the crash at " + step);
            }
            Thread.sleep(200);
        }
        long back = Duration.between(at, Instant.now()).toMillis();
        crashes.put(step, back);
        killed.put(pid, step);
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

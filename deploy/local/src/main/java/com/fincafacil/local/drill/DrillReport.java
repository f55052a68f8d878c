package com.fincafacil.local.drill;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a drill found, against its targets; one screen of text, and JSON for the file and release-service. */
record DrillReport(String version, String fault, Instant startedAt, Instant finishedAt, String releaseId, String state,
                   String trigger, Long detectionMs, Long rollbackMs, Map<String, Long> acknowledged,
                   DrillChecks.Found database, DrillChecks.Found events, List<ClientWindow> windows,
                   Map<String, Long> crashes, List<String> failures, boolean couldNotRun) {

    boolean passed() {
        return failures.isEmpty();
    }

    int exitCode() {
        return couldNotRun ? 3 : passed() ? 0 : 1;
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Go-live drill %s — %s fault — %s%n", version, fault, passed() ? "PASSED" : couldNotRun ? "COULD NOT RUN" : "FAILED");
        out.printf("  release   %s %s, trigger %s; detection %s, rollback %s (target ≤ %d ms)%n", releaseId == null ? "-" : releaseId,
                state == null ? "-" : state, trigger == null ? "-" : trigger, ms(detectionMs), ms(rollbackMs), DrillCommand.ROLLBACK_TARGET_MS);
        out.printf("  writes    %s acknowledged; database: %s; events: %s%n", acknowledged.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey() + "s").collect(Collectors.joining(", ")), found(database), found(events));
        windows.forEach(w -> out.println("  clients   " + w.line()));
        if (!crashes.isEmpty()) {
            out.printf("  crashes   release-service killed at %s; back in %s; the release resumed each time%n",
                    String.join(", ", crashes.keySet()), crashes.values().stream().map(v -> v + " ms").collect(Collectors.joining(", ")));
        }
        out.printf("  took      %d s%n", Duration.between(startedAt, finishedAt).toSeconds());
        failures.forEach(f -> out.println("  ✗ " + f));
    }

    private static String ms(Long value) {
        return value == null ? "-" : value + " ms";
    }

    private static String found(DrillChecks.Found f) {
        if (f == null) {
            return "not checked";
        }
        return f.clean() ? "every one exactly once" : f.missing().size() + " missing, " + f.duplicated().size() + " duplicated";
    }

    JsonObject toJson() {
        JsonObject windowsJson = new JsonObject();
        windows.forEach(w -> windowsJson.put(w.name(), w.toJson()));
        return new JsonObject().put("version", version).put("fault", fault).put("passed", passed())
                .put("startedAt", startedAt.toString()).put("finishedAt", finishedAt.toString())
                .put("releaseId", releaseId).put("state", state).put("trigger", trigger)
                .put("detectionMs", detectionMs).put("rollbackMs", rollbackMs)
                .put("acknowledged", new JsonObject(new java.util.LinkedHashMap<>(acknowledged)))
                .put("lostWrites", database == null ? null : database.missing().size())
                .put("duplicatedWrites", database == null ? null : database.duplicated().size())
                .put("missingEvents", events == null ? null : events.missing().size())
                .put("duplicatedEvents", events == null ? null : events.duplicated().size())
                .put("clients", windowsJson)
                .put("releaseServiceCrashes", crashes.isEmpty() ? null : new JsonObject(new java.util.LinkedHashMap<>(crashes)))
                .put("failures", failures.isEmpty() ? null : String.join("; ", failures));
    }

    /** The body of {@code POST /api/v1/drills}. */
    JsonObject toRecord() {
        return new JsonObject().put("version", version == null ? "-" : version).put("fault", fault).put("passed", passed())
                .put("startedAt", startedAt.toString()).put("finishedAt", finishedAt.toString()).put("report", toJson());
    }

    /** Collects the parts as the drill gets them. */
    static final class Builder {
        private final String fault;
        private final Instant startedAt;
        private String version;
        private JsonObject release;
        private List<DrillLoad.Write> writes = List.of();
        private DrillChecks.Found database;
        private DrillChecks.Found events;
        private List<DrillLoad.Sample> samples = List.of();
        private Map<String, Long> crashes = Map.of();
        private List<String> crashFailures = List.of();

        Builder(String fault, Instant startedAt) {
            this.fault = fault;
            this.startedAt = startedAt;
        }

        void version(String v) {
            version = v;
        }

        void release(JsonObject r) {
            release = r;
        }

        void writes(List<DrillLoad.Write> w) {
            writes = w;
        }

        void database(DrillChecks.Found f) {
            database = f;
        }

        void events(DrillChecks.Found f) {
            events = f;
        }

        void clients(List<DrillLoad.Sample> s) {
            samples = s;
        }

        /** Step → ms release-service took to come back; what went wrong around the crashes. */
        void crashes(Map<String, Long> atSteps, List<String> problems) {
            crashes = new java.util.LinkedHashMap<>(atSteps);
            crashFailures = List.copyOf(problems);
        }

        DrillReport cannotRun(String why) {
            return new DrillReport(version, fault, startedAt, Instant.now(), null, null, null, null, null, Map.of(), null, null,
                    List.of(), crashes, List.of(why), true);
        }

        DrillReport build(Instant finishedAt) {
            List<String> failures = new ArrayList<>(crashFailures);
            String state = release.getString("state");
            JsonObject rollingBack = entry("ROLLING_BACK");
            JsonObject rolledBack = entry("ROLLED_BACK");
            JsonObject switched = entry("SWITCHED");
            String trigger = rollingBack == null ? null : rollingBack.getJsonObject("figures", new JsonObject()).getString("trigger");
            Long detection = rollingBack == null ? null : rollingBack.getJsonObject("figures", new JsonObject()).getLong("detectionMs");
            Long rollback = rolledBack == null ? null : rolledBack.getJsonObject("figures", new JsonObject()).getLong("rollbackMs");
            if (!"ROLLED_BACK".equals(state) || rollingBack == null || !"analysis".equals(rollingBack.getString("actor"))) {
                failures.add("the analysis did not roll the release back (it ended " + state + ": " + DrillRun.lastReason(release) + ")");
            }
            if (rollback != null && rollback > DrillCommand.ROLLBACK_TARGET_MS) {
                failures.add("traffic came back " + rollback + " ms after the first failing check, over the " + DrillCommand.ROLLBACK_TARGET_MS + " ms target");
            }
            if (detection != null && detection > DrillCommand.ROLLBACK_TARGET_MS) {
                failures.add("the fault was detected " + detection + " ms after it began, over " + DrillCommand.ROLLBACK_TARGET_MS + " ms");
            }
            if (!database.clean()) {
                failures.add("acknowledged writes not stored exactly once: " + sample(database));
            }
            if (!events.clean()) {
                failures.add("acknowledged writes without exactly one event: " + sample(events));
            }
            List<ClientWindow> windows = new ArrayList<>();
            windows.add(ClientWindow.of("whole drill", samples, startedAt, finishedAt));
            if (switched != null) {
                Instant at = Instant.parse(switched.getString("at"));
                ClientWindow sw = ClientWindow.of("switch (±2 s)", samples, at.minusSeconds(2), at.plusSeconds(2));
                windows.add(sw);
                if (sw.errorRatePct() > 0) {
                    failures.add("clients saw " + sw.errorRatePct() + " % errors during the switch");
                }
            }
            if (rollingBack != null && rolledBack != null) {
                windows.add(ClientWindow.of("rollback", samples, Instant.parse(rollingBack.getString("at")),
                        Instant.parse(rolledBack.getString("at")).plusSeconds(2)));
            }
            Map<String, Long> acknowledged = writes.stream().collect(Collectors.groupingBy(DrillLoad.Write::kind,
                    java.util.TreeMap::new, Collectors.counting()));
            return new DrillReport(version, fault, startedAt, finishedAt, release.getString("id"), state, trigger, detection, rollback,
                    acknowledged, database, events, windows, crashes, failures, false);
        }

        private JsonObject entry(String to) {
            JsonArray timeline = release.getJsonArray("timeline", new JsonArray());
            for (int i = timeline.size() - 1; i >= 0; i--) {
                if (to.equals(timeline.getJsonObject(i).getString("to")) && !to.equals(timeline.getJsonObject(i).getString("from"))) {
                    return timeline.getJsonObject(i);
                }
            }
            return null;
        }

        private static String sample(DrillChecks.Found f) {
            List<String> all = new ArrayList<>(f.missing().stream().map(m -> "missing " + m).toList());
            all.addAll(f.duplicated());
            return String.join(", ", all.subList(0, Math.min(5, all.size()))) + (all.size() > 5 ? " …" : "");
        }
    }
}

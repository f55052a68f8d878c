package com.fincafacil.local.release;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Watches a release: polls {@code GET /api/v1/releases/{id}} every poll interval, prints each new
 * timeline entry once, and stops at an end state with the exit code it means.
 */
final class ReleaseFollower {

    /** Where a follow stops, and which end counts as success. */
    enum Until {
        /** start and retry: COMPLETED, or MONITORING reached (the release is out; promote or watch on). */
        RUNNING_OR_MONITORING(Set.of("COMPLETED", "MONITORING"), Set.of("FAILED", "ROLLED_BACK")),
        /** status --follow: through MONITORING until the release ends. */
        END(Set.of("COMPLETED"), Set.of("FAILED", "ROLLED_BACK")),
        /** rollback: traffic back on the previous version. */
        ROLLED_BACK(Set.of("ROLLED_BACK"), Set.of("FAILED"));

        final Set<String> success;
        final Set<String> failure;

        Until(Set<String> success, Set<String> failure) {
            this.success = success;
            this.failure = failure;
        }
    }

    private final ReleaseClient client;
    private final ReleaseContext context;
    private final ReleaseFormat format;

    ReleaseFollower(ReleaseClient client, ReleaseContext context) {
        this.client = client;
        this.context = context;
        this.format = new ReleaseFormat(context.zone());
    }

    /** Follows release {@code id}, whose first {@code seen} timeline entries are already known. Returns the exit code. */
    int follow(String id, int seen, Until until) throws ReleaseClient.Failed, InterruptedException {
        while (true) {
            JsonObject release = client.get(id);
            JsonArray timeline = release.getValue("timeline") instanceof JsonArray t ? t : new JsonArray();
            for (int i = Math.max(0, seen); i < timeline.size(); i++) {
                Object step = timeline.getValue(i);
                format.timelineLines(step instanceof JsonObject o ? o : new JsonObject()).forEach(context.out()::println);
            }
            seen = Math.max(seen, timeline.size());
            String state = ReleaseFormat.string(release, "state");
            String version = ReleaseFormat.firstOf(ReleaseFormat.string(release, "version"), id);
            if (until.success.contains(state)) {
                return ended(release, state, version);
            }
            if (until.failure.contains(state)) {
                context.err().println("Release " + version + " ended " + state + lastReason(timeline) + ".");
                if ("FAILED".equals(state)) {
                    context.err().println("`./fincafacil release retry " + version + "` re-runs the failed step; "
                            + "`./fincafacil release status " + version + "` shows the whole timeline.");
                }
                return ReleaseExit.REFUSED;
            }
            Thread.sleep(context.pollInterval().toMillis());
        }
    }

    private int ended(JsonObject release, String state, String version) {
        if ("MONITORING".equals(state)) {
            String until = format.monitoringUntil(release);
            context.out().println("Release " + version + " is out: monitoring until " + (until == null ? "the window ends" : format.when(until))
                    + "; `./fincafacil release promote " + version + "` to complete now, `release status " + version
                    + " --follow` to keep watching.");
        } else {
            context.out().println("Release " + version + " " + state + ".");
        }
        return ReleaseExit.OK;
    }

    private static String lastReason(JsonArray timeline) {
        if (timeline.isEmpty() || !(timeline.getValue(timeline.size() - 1) instanceof JsonObject last)) {
            return "";
        }
        String reason = ReleaseFormat.string(last, "reason");
        return reason == null ? "" : ": " + reason;
    }
}

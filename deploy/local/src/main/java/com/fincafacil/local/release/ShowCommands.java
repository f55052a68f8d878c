package com.fincafacil.local.release;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The verbs that only read: status (optionally followed) and list. */
final class ShowCommands {

    private ShowCommands() {
    }

    @Command(name = "status", description = "Show a release: state, slots, approval, gates and its timeline.")
    static class Status extends ReleaseVerb {
        @Parameters(index = "0", paramLabel = "ID|VERSION")
        String release;

        @Option(names = "--follow", description = "Keep watching, through MONITORING, until the release ends.")
        boolean follow;

        @Option(names = "--json", description = "Print release-service's JSON as it is.")
        boolean json;

        @Override
        int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException {
            if (json && follow) {
                context.err().println("--json and --follow do not go together.");
                return ReleaseExit.BAD_INPUT;
            }
            String id = client.resolve(release);
            String body = client.send("GET", ReleaseClient.RELEASES + "/" + id, null);
            if (json) {
                context.out().println(body);
                return ReleaseExit.OK;
            }
            JsonObject r = new JsonObject(body);
            new ReleaseFormat(context.zone()).printStatus(r, context.out());
            if (!follow) {
                return ReleaseExit.OK;
            }
            int known = r.getValue("timeline") instanceof JsonArray t ? t.size() : 0;
            return new ReleaseFollower(client, context).follow(id, known, ReleaseFollower.Until.END);
        }
    }

    @Command(name = "list", description = "List releases, newest first.")
    static class ListReleases extends ReleaseVerb {
        @Option(names = "--state", paramLabel = "S", description = "Only releases in this state (PLANNED, COMPLETED, FAILED…).")
        String state;

        @Option(names = "--from", paramLabel = "DATE", description = "Planned at or after (ISO date or date-time).")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Planned before (ISO date or date-time).")
        String to;

        @Option(names = "--json", description = "Print release-service's JSON as it is.")
        boolean json;

        @Override
        int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException {
            String body = client.send("GET", ReleaseClient.RELEASES + query(), null);
            if (json) {
                context.out().println(body);
                return ReleaseExit.OK;
            }
            JsonArray releases = new JsonArray(body);
            if (releases.isEmpty()) {
                context.out().println("No releases.");
                return ReleaseExit.OK;
            }
            ReleaseFormat format = new ReleaseFormat(context.zone());
            context.out().println(format.listHeader());
            releases.forEach(r -> context.out().println(format.listLine(r instanceof JsonObject o ? o : new JsonObject())));
            return ReleaseExit.OK;
        }

        private String query() {
            List<String> parts = new ArrayList<>();
            add(parts, "state", state);
            add(parts, "from", from);
            add(parts, "to", to);
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        }
    }
}

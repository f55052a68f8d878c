package com.fincafacil.local.release;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The verbs that record a decision on a release and answer at once: approve, ack, promote, abort, restore. */
final class DecisionCommands {

    private DecisionCommands() {
    }

    @Command(name = "approve", description = "Approve a release (admin token; never the planner's own). A MAJOR release needs it.")
    static class Approve extends ReleaseVerb {
        @Parameters(index = "0", paramLabel = "ID|VERSION")
        String release;

        @Override
        String role() {
            return "admin";
        }

        @Override
        int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException {
            JsonObject r = client.post(client.resolve(release), "approve", null);
            JsonObject approval = r.getValue("approval") instanceof JsonObject a ? a : new JsonObject();
            context.out().printf("Release %s approved by %s at %s.%n", r.getString("version"),
                    ReleaseFormat.firstOf(ReleaseFormat.string(approval, "by"), "?"),
                    new ReleaseFormat(context.zone()).when(ReleaseFormat.string(approval, "at")));
            return ReleaseExit.OK;
        }
    }

    @Command(name = "ack", description = "Acknowledge a checklist item of a release: team_available or users_told.")
    static class Ack extends ReleaseVerb {
        @Parameters(index = "0", paramLabel = "ID|VERSION")
        String release;

        @Parameters(index = "1", paramLabel = "ITEM", description = "team_available or users_told.")
        String item;

        @Option(names = "--note", paramLabel = "TEXT", description = "What was done (who is on call, where users were told).")
        String note;

        @Override
        int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException {
            JsonObject body = new JsonObject().put("item", item);
            if (note != null) {
                body.put("note", note);
            }
            JsonObject r = client.post(client.resolve(release), "acks", body);
            context.out().printf("Release %s: %s acknowledged.%n", ReleaseFormat.firstOf(ReleaseFormat.string(r, "version"), release), item);
            return ReleaseExit.OK;
        }
    }

    @Command(name = "promote", description = "End MONITORING now: the release is COMPLETED.")
    static class Promote extends ReleaseVerb {
        @Parameters(index = "0", paramLabel = "ID|VERSION")
        String release;

        @Override
        int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException {
            JsonObject r = client.post(client.resolve(release), "promote", null);
            context.out().printf("Release %s promoted: %s.%n", r.getString("version"), r.getString("state"));
            return ReleaseExit.OK;
        }
    }

    @Command(name = "abort", description = "Stop a release before its switch (traffic never moved; applied expand migrations stay).")
    static class Abort extends ReleaseVerb {
        @Parameters(index = "0", paramLabel = "ID|VERSION")
        String release;

        @Override
        int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException {
            JsonObject r = client.post(client.resolve(release), "abort", null);
            context.out().printf("Release %s aborted: %s. Traffic stays on %s.%n", r.getString("version"), r.getString("state"),
                    ReleaseFormat.firstOf(ReleaseFormat.string(r, "previousVersion"), "the previous version"));
            return ReleaseExit.OK;
        }
    }

    @Command(name = "restore", description = "Disaster restore (admin): the release's backup into a new farm database that takes"
            + " the farm database's place; the failed one is kept aside. --post-snapshot-rows says what happens to rows written"
            + " since the backup.")
    static class Restore extends ReleaseVerb {
        @Parameters(index = "0", paramLabel = "ID|VERSION")
        String release;

        @Option(names = "--post-snapshot-rows", required = true, paramLabel = "reapply|refuse",
                description = "reapply: carry them into the restored database; refuse: change nothing while any exist, and list them.")
        String postSnapshotRows;

        @Override
        String role() {
            return "admin";
        }

        @Override
        int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException {
            JsonObject r = client.post(client.resolve(release), "restore", new JsonObject().put("postSnapshotRows", postSnapshotRows));
            context.out().printf("Backup of %s restored (taken %s, schema V%s); the failed database is kept as %s.%n", release,
                    r.getString("snapshotTakenAt"), r.getString("schemaVersion"), r.getString("failedDatabase"));
            context.out().printf("Farm database unavailable %d ms; %d rows carried over, %d kept in the failed database.%n",
                    r.getLong("farmUnavailableMs"), r.getLong("rowsCarriedOver"), r.getLong("rowsKeptInFailedDatabase"));
            context.out().printf("%-24s %9s %9s %12s %12s%n", "TABLE", "INSERTED", "UPDATED", "CHANGED_KEPT", "REMOVED_KEPT");
            for (Object o : r.getJsonArray("tables", new io.vertx.core.json.JsonArray())) {
                JsonObject t = (JsonObject) o;
                context.out().printf("%-24s %9d %9d %12d %12d%s%n", t.getString("table"), t.getLong("inserted"), t.getLong("updated"),
                        t.getLong("changedKept"), t.getLong("removedKept"), t.getString("note") == null ? "" : "  " + t.getString("note"));
            }
            return ReleaseExit.OK;
        }
    }
}

package com.fincafacil.local.release;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The verbs that record a decision on a release and answer at once: approve, ack, promote, abort. */
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
}

package com.fincafacil.local.release;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The verbs that set a release running (202) and then follow it: start, rollback, retry. Each
 * reads the release first, so the follow prints only the entries the verb brought about.
 */
final class RunCommands {

    private RunCommands() {
    }

    /** A verb answered 202: say so, then follow unless told not to. */
    abstract static class RunVerb extends ReleaseVerb {
        @Parameters(index = "0", paramLabel = "ID|VERSION")
        String release;

        @Option(names = "--no-follow", description = "Return once release-service has taken it; do not watch.")
        boolean noFollow;

        abstract String verb();

        JsonObject body() {
            return null;
        }

        ReleaseFollower.Until until() {
            return ReleaseFollower.Until.RUNNING_OR_MONITORING;
        }

        @Override
        int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException {
            String id = client.resolve(release);
            JsonObject before = client.get(id);
            int known = before.getValue("timeline") instanceof JsonArray t ? t.size() : 0;
            JsonObject r = client.post(id, verb(), body());
            String version = ReleaseFormat.firstOf(ReleaseFormat.string(r, "version"), ReleaseFormat.string(before, "version"), release);
            context.out().printf("Release %s: %s accepted (%s).%n", version, verb(), ReleaseFormat.string(r, "state"));
            if (noFollow) {
                context.out().printf("It runs on its own; watch it with ./fincafacil release status %s --follow%n", version);
                return ReleaseExit.OK;
            }
            return new ReleaseFollower(client, context).follow(id, known, until());
        }
    }

    @Command(name = "start", description = "Start a planned release, then follow it to COMPLETED or MONITORING.")
    static class Start extends RunVerb {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (a hotfix needs one to start outside the window).")
        String reason;

        @Override
        String verb() {
            return "start";
        }

        @Override
        JsonObject body() {
            return reason == null ? new JsonObject() : new JsonObject().put("reason", reason);
        }
    }

    @Command(name = "rollback", description = "Send traffic back to the previous version after the switch, then follow to ROLLED_BACK.")
    static class Rollback extends RunVerb {
        @Override
        String verb() {
            return "rollback";
        }

        @Override
        ReleaseFollower.Until until() {
            return ReleaseFollower.Until.ROLLED_BACK;
        }
    }

    @Command(name = "retry", description = "Re-run the failed step of a FAILED release, then follow it.")
    static class Retry extends RunVerb {
        @Override
        String verb() {
            return "retry";
        }
    }
}

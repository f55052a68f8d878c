package com.fincafacil.local.release;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code release plan <version> --kind K [--change "title"]... [--artifact A]}: POST /api/v1/releases. */
@Command(name = "plan", description = "Plan a release of a version (it needs a CHANGELOG entry and a stored artifact).")
class PlanCommand extends ReleaseVerb {

    @Parameters(index = "0", paramLabel = "VERSION")
    String version;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "major, minor, patch or hotfix.")
    String kind;

    @Option(names = "--change", paramLabel = "TITLE", description = "A change (repeat it); default: the version's CHANGELOG items.")
    List<String> changes = new ArrayList<>();

    @Option(names = "--artifact", paramLabel = "A", description = "What the target runs (default: the version).")
    String artifact;

    @Override
    int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException {
        JsonObject body = new JsonObject().put("version", version).put("kind", kind);
        if (!changes.isEmpty()) {
            JsonArray list = new JsonArray();
            changes.forEach(title -> list.add(new JsonObject().put("title", title)));
            body.put("changes", list);
        }
        if (artifact != null) {
            body.put("artifact", artifact);
        }
        JsonObject r = new JsonObject(client.send("POST", ReleaseClient.RELEASES, body));
        context.out().printf("Planned %s (%s) as %s: %s, after %s.%n", r.getString("version"), r.getString("kind"),
                r.getString("id"), r.getString("state"), ReleaseFormat.firstOf(ReleaseFormat.string(r, "previousVersion"), "none"));
        new ReleaseFormat(context.zone()).printStartCheck(r, context.out()); // what still stands in the way of a start
        return ReleaseExit.OK;
    }
}

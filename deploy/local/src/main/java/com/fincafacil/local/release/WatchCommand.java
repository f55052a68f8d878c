package com.fincafacil.local.release;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code release watch}: the analysis of a monitored release as it happens, one line per
 * measurement (check, verdict, value against threshold, why), until the release ends.
 */
@Command(name = "watch", description = "Show a release's analysis measurements live, until it ends.")
class WatchCommand extends ReleaseVerb {

    @Parameters(index = "0", paramLabel = "ID|VERSION")
    String release;

    @Override
    int run(ReleaseClient client, ReleaseContext context) throws ReleaseClient.Failed, InterruptedException {
        String id = client.resolve(release);
        ReleaseFormat format = new ReleaseFormat(context.zone());
        Set<String> shown = new HashSet<>();
        String lastState = null;
        while (true) {
            JsonObject r = client.get(id);
            String state = ReleaseFormat.string(r, "state");
            if (!state.equals(lastState)) {
                context.out().println("state " + state);
                lastState = state;
            }
            JsonArray measurements = r.getValue("measurements") instanceof JsonArray m ? m : new JsonArray();
            for (Object item : measurements) {
                JsonObject m = item instanceof JsonObject o ? o : new JsonObject();
                if (shown.add(m.getString("at") + " " + m.getString("check"))) {
                    context.out().println(line(format, m));
                }
            }
            switch (state) {
                case "COMPLETED" -> {
                    return ReleaseExit.OK;
                }
                case "ROLLED_BACK", "FAILED" -> {
                    context.err().println("Release " + ReleaseFormat.string(r, "version") + " ended " + state + ".");
                    return ReleaseExit.REFUSED;
                }
                default -> Thread.sleep(context.pollInterval().toMillis());
            }
        }
    }

    static String line(ReleaseFormat format, JsonObject m) {
        Object value = m.getValue("value");
        Object threshold = m.getValue("threshold");
        return String.format(Locale.ROOT, "%s  %-12s %-12s %10s / %-8s %s", format.clock(m.getString("at")),
                m.getString("check"), m.getString("verdict"), value == null ? "-" : number(value),
                threshold == null ? "-" : number(threshold), m.getString("detail", ""));
    }

    private static String number(Object n) {
        return n instanceof Number v ? String.format(Locale.ROOT, "%.1f", v.doubleValue()) : String.valueOf(n);
    }
}

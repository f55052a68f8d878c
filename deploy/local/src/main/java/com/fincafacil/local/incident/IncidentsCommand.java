package com.fincafacil.local.incident;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code ./fincafacil incidents}: incidents newest first, or the overdue post-mortems. */
@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "List incidents, newest first (status, severity, post-mortem due date).")
public class IncidentsCommand extends IncidentVerb {

    @Option(names = "--status", paramLabel = "S", description = "OPEN, ACKNOWLEDGED or RESOLVED.")
    String status;

    @Option(names = "--severity", paramLabel = "S", description = "SEV1 … SEV4.")
    String severity;

    @Option(names = "--overdue", description = "Only incidents whose post-mortem is overdue.")
    boolean overdue;

    @Option(names = "--json", description = "Print incident-service's JSON as it is.")
    boolean json;

    public IncidentsCommand() {
    }

    IncidentsCommand(IncidentContext context) {
        super(context);
    }

    @Override
    String path() {
        if (overdue) {
            return "/api/v1/postmortems/overdue";
        }
        List<String> query = new ArrayList<>();
        if (status != null) {
            query.add("status=" + encode(status));
        }
        if (severity != null) {
            query.add("severity=" + encode(severity));
        }
        return "/api/v1/incidents" + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    @Override
    int print(String body, IncidentContext context) {
        if (json) {
            context.out().println(body);
            return OK;
        }
        JsonArray incidents = new JsonArray(body);
        if (incidents.isEmpty()) {
            context.out().println(overdue ? "Ningún post-mortem vencido." : "Ningún incidente.");
            return OK;
        }
        context.out().println(String.format("%-36s  %-4s  %-12s  %-20s  %-20s  %s", "ID", "SEV", "ESTADO", "ABIERTO", "POST-MORTEM", "TÍTULO"));
        for (Object o : incidents) {
            JsonObject i = o instanceof JsonObject j ? j : new JsonObject();
            String version = i.getString("releaseVersion");
            context.out().println(String.format("%-36s  %-4s  %-12s  %-20s  %-20s  %s%s", i.getString("id"), i.getString("severity"),
                    i.getString("status"), minutes(i.getString("openedAt")), minutes(i.getString("postmortemDue")), i.getString("title"),
                    version == null ? "" : " (v" + version + ")"));
        }
        return OK;
    }

    /** {@code 2026-12-06T07:15:00Z} → {@code 2026-12-06 07:15Z}: enough to tell incidents apart on one line. */
    private static String minutes(String instant) {
        return instant == null || instant.length() < 16 ? String.valueOf(instant) : instant.substring(0, 10) + " " + instant.substring(11, 16) + "Z";
    }
}

package com.fincafacil.local.incident;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code ./fincafacil dora [--days N]}: the DORA metrics' one-screen summary. */
@Command(name = "dora", mixinStandardHelpOptions = true,
        description = "Print the DORA metrics (frequency, lead time, change failure rate, MTTR, rollback time) with their bands.")
public class DoraCommand extends IncidentVerb {

    @Option(names = "--days", paramLabel = "N", description = "The period: the last N days (default: incident-service's, 90).")
    Integer days;

    @Option(names = "--environment", paramLabel = "ENV", description = "The target environment (default: incident-service's, produccion).")
    String environment;

    @Option(names = "--json", description = "Print incident-service's JSON as it is.")
    boolean json;

    public DoraCommand() {
    }

    DoraCommand(IncidentContext context) {
        super(context);
    }

    @Override
    String path() {
        List<String> query = new ArrayList<>();
        if (days != null) {
            query.add("days=" + days);
        }
        if (environment != null) {
            query.add("environment=" + encode(environment));
        }
        return "/api/v1/dora" + (json ? "" : "/text") + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    @Override
    String accept() {
        return json ? "application/json" : "text/plain";
    }

    @Override
    int print(String body, IncidentContext context) {
        context.out().print(body.endsWith("\n") ? body : body + "\n");
        return OK;
    }
}

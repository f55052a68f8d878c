package com.fincafacil.local.incident;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./fincafacil report <version>}: a deployment's report in the seed's text format. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print a deployment's report (the seed's REGISTRO DE INCIDENTES format) from incident-service.")
public class ReportCommand extends IncidentVerb {

    @Parameters(index = "0", paramLabel = "VERSION", description = "The deployed version, e.g. 1.0.1 (its latest deployment).")
    String version;

    @Option(names = "--json", description = "Print incident-service's JSON as it is.")
    boolean json;

    public ReportCommand() {
    }

    ReportCommand(IncidentContext context) {
        super(context);
    }

    @Override
    String path() {
        return "/api/v1/reports/" + encode(version.startsWith("v") ? version.substring(1) : version) + (json ? "" : "/text");
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

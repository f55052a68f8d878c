package com.fincafacil.local.incident;

import com.fincafacil.local.PlatformLayout;

import java.io.PrintStream;
import java.util.Map;

/** What the incident commands talk to and print on: incident-service's address, the environment, stdout, stderr. */
record IncidentContext(String baseUrl, Map<String, String> environment, PrintStream out, PrintStream err) {

    static final String TOKEN_VARIABLE = "FINCAFACIL_TOKEN";

    /** incident-service on this machine, at the port of {@code config/local-platform.properties}. */
    static IncidentContext fromEnvironment() {
        int port = PlatformLayout.fromEnvironment().settings().port("incident-service");
        return new IncidentContext("http://127.0.0.1:" + port, System.getenv(), System.out, System.err);
    }
}

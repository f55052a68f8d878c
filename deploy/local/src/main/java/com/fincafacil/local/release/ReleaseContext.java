package com.fincafacil.local.release;

import com.fincafacil.local.PlatformLayout;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the release commands talk to and print on: release-service's address, the environment
 * (for {@code FINCAFACIL_TOKEN}), stdout and stderr, how often a follow polls and the zone its
 * times are shown in. Tests hand in their own.
 */
record ReleaseContext(String baseUrl, Map<String, String> environment, PrintStream out, PrintStream err,
                      Duration pollInterval, ZoneId zone) {

    static final String TOKEN_VARIABLE = "FINCAFACIL_TOKEN";

    /** release-service on this machine, at the port of {@code config/local-platform.properties}. */
    static ReleaseContext fromEnvironment() {
        int port = PlatformLayout.fromEnvironment().settings().port("release-service");
        return new ReleaseContext("http://127.0.0.1:" + port, System.getenv(), System.out, System.err,
                Duration.ofSeconds(1), ZoneId.systemDefault());
    }
}

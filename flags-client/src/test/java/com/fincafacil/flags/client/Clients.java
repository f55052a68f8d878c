package com.fincafacil.flags.client;

import com.fincafacil.testing.OfrepStandIn;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Builds clients the way FlagsClient's CDI constructor does, with a test clock and settings. */
final class Clients {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private Clients() {
    }

    static FlagsClient client(String url, Clock clock) {
        return client(url, OfrepStandIn.SEED_FILE, Duration.ofMillis(800), clock, null);
    }

    static FlagsClient client(String url, Path defaultsFile, Duration timeout, Clock clock, String bootstrapServers) {
        FlagResolver resolver = new FlagResolver(new OfrepHttp(url, timeout), new FileDefaults(defaultsFile),
                MAX_AGE, RETRY_AFTER, clock);
        return new FlagsClient(resolver, bootstrapServers);
    }

    /** A URL where nothing listens: the port of a stand-in that has been stopped. */
    static String deadUrl() {
        OfrepStandIn gone = OfrepStandIn.start();
        gone.stop();
        return gone.url();
    }
}

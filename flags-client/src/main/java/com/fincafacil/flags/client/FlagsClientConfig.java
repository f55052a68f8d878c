package com.fincafacil.flags.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How to reach flags-service and how long to trust what it said (docs/flags-client.md has the table). */
@ConfigMapping(prefix = "fincafacil.flags-client")
public interface FlagsClientConfig {

    /** flags-service's base URL; the client calls {@code POST {url}/ofrep/v1/evaluate/flags}. */
    @WithDefault("http://127.0.0.1:8081")
    String url();

    /** The seed's flag file, read once, for the defaults when flags-service was never reachable for a context. */
    @WithDefault("config/feature_flags.json")
    String defaultsFile();

    /** A cached answer is reused without asking for this long unless invalidated. */
    @WithDefault("30s")
    Duration maxAge();

    /** Per request to flags-service (connect and answer). */
    @WithDefault("800ms")
    Duration timeout();

    /** After a failure, don't call flags-service again for this long; answers come from the fallback. */
    @WithDefault("2s")
    Duration retryAfterFailure();

    /** Consume fincafacil.flags.changes to drop the cache as soon as a flag changes. */
    @WithDefault("true")
    boolean listenForChanges();
}

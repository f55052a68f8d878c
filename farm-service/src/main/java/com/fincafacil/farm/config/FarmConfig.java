package com.fincafacil.farm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** farm-service settings. */
@ConfigMapping(prefix = "fincafacil.farm")
public interface FarmConfig {

    /** The blue-green slot this instance runs as (blue or green). */
    @WithDefault("blue")
    String slot();

    /** How long a verified API key is trusted before it is looked up again (so a revocation applies). */
    @WithDefault("5s")
    Duration apiKeyCacheTtl();

    /** How often the overdue-treatment scan runs. */
    @WithDefault("1m")
    Duration overdueScanInterval();

    /**
     * Threads that write registrations in groups (group commit). One makes the largest groups:
     * while it waits for a commit to reach the disk, the next group gathers.
     */
    @WithDefault("1")
    int registrationWriters();

    /**
     * A directory of extra {@code V*__*.sql} migrations run after the build's own (a stored
     * artifact's; see {@link ExtraMigrations}).
     */
    java.util.Optional<String> extraMigrations();

    /** The largest page a list endpoint returns. */
    @WithDefault("200")
    int maxPageSize();
}

package com.fincafacil.flags.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** flags-service settings. */
@ConfigMapping(prefix = "fincafacil.flags")
public interface FlagsConfig {

    /** The seed's flag file, loaded at the first start when the store is empty. */
    @WithDefault("config/feature_flags.json")
    String seedFile();

    /** The seed's deployment settings; its window is where "in the next window" schedules land. */
    @WithDefault("config/deployment.json")
    String deploymentFile();

    /** Default age for the stale-flags report. */
    @WithDefault("30")
    int staleDays();

    /** How often the in-memory snapshot re-reads the store, to see changes made by other replicas. */
    @WithDefault("5s")
    Duration refreshInterval();
}

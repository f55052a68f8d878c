package com.fincafacil.release.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** release-service settings. */
@ConfigMapping(prefix = "fincafacil.release")
public interface ReleaseConfig {

    /** The seed's deployment settings: window, thresholds, health-check timeout. */
    @WithDefault("config/deployment.json")
    String deploymentFile();
}

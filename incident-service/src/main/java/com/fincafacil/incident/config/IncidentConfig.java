package com.fincafacil.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** incident-service settings. */
@ConfigMapping(prefix = "fincafacil.incident")
public interface IncidentConfig {

    /** How long after an incident opens its post-mortem is due (the seed: 24 h after a failed deployment). */
    @WithDefault("PT24H")
    Duration postmortemDue();
}

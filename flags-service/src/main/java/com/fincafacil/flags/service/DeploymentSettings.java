package com.fincafacil.flags.service;

import com.fincafacil.flags.config.FlagsConfig;
import com.fincafacil.flags.domain.DeploymentWindow;
import com.fincafacil.flags.file.DeploymentFile;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;

/** The deployment window of the seed's {@code config/deployment.json}, read when asked so edits apply. */
@ApplicationScoped
public class DeploymentSettings {

    private final FlagsConfig config;

    public DeploymentSettings(FlagsConfig config) {
        this.config = config;
    }

    public DeploymentWindow window() {
        try {
            return DeploymentFile.window(Path.of(config.deploymentFile()));
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}

package com.fincafacil.flags.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.flags.config.FlagsConfig;
import com.fincafacil.flags.domain.DeploymentWindow;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

/** Reads the deployment window from the seed's {@code config/deployment.json} when asked, so edits apply. */
@ApplicationScoped
public class DeploymentSettings {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FlagsConfig config;

    public DeploymentSettings(FlagsConfig config) {
        this.config = config;
    }

    public DeploymentWindow window() {
        try {
            JsonNode window = MAPPER.readTree(Path.of(config.deploymentFile()).toFile()).path("despliegue_ventana");
            return new DeploymentWindow(
                    DeploymentWindow.parseDay(window.path("dia").asText())
                            .orElseThrow(() -> new IllegalStateException("despliegue_ventana.dia is not a Spanish day name")),
                    window.path("hora_inicio").asInt(), window.path("hora_fin").asInt(),
                    ZoneId.of(window.path("timezone").asText("America/Bogota")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + config.deploymentFile() + ": " + e.getMessage(), e);
        }
    }
}

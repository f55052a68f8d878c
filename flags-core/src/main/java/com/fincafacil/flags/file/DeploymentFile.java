package com.fincafacil.flags.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.flags.domain.DeploymentWindow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The seed's {@code config/deployment.json}, read where it is needed (flags-service's scheduled
 * changes, release-service's window check): one reading of {@code despliegue_ventana}.
 */
public final class DeploymentFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeploymentFile() {
    }

    /** The weekly deployment window; read on every call, so an edited file applies at once. */
    public static DeploymentWindow window(Path file) {
        try {
            JsonNode window = MAPPER.readTree(file.toFile()).path("despliegue_ventana");
            return new DeploymentWindow(
                    DeploymentWindow.parseDay(window.path("dia").asText())
                            .orElseThrow(() -> new IllegalStateException("despliegue_ventana.dia is not a Spanish day name")),
                    window.path("hora_inicio").asInt(), window.path("hora_fin").asInt(),
                    ZoneId.of(window.path("timezone").asText("America/Bogota")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

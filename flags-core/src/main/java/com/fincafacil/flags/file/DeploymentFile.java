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
 * changes, release-service's window check and release analysis): one reading of
 * {@code despliegue_ventana} and {@code rollback_threshold}.
 */
public final class DeploymentFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeploymentFile() {
    }

    /** {@code rollback_threshold}: what makes a release roll itself back. */
    public record RollbackThreshold(int uptimeMinutes, double errorRatePct, double revenueDropPct) {
    }

    /** The seed's rollback thresholds (defaults 30 min, 5 %, 10 % where the file leaves one out); read on every call. */
    public static RollbackThreshold rollbackThreshold(Path file) {
        try {
            JsonNode t = MAPPER.readTree(file.toFile()).path("rollback_threshold");
            return new RollbackThreshold(t.path("uptime_minutos").asInt(30), t.path("error_rate_pct").asDouble(5),
                    t.path("revenue_drop_pct").asDouble(10));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
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

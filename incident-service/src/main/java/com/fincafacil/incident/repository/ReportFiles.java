package com.fincafacil.incident.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.incident.config.IncidentConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One text and one JSON file per deployment in the reports directory (the seed's
 * {@code logs/incidents/}): {@code v1.0.1_<release id>.txt} and {@code .json}. Each write replaces
 * the whole file through a temporary one, so a reader never sees half a report.
 */
@ApplicationScoped
public class ReportFiles {

    private final Path directory;
    private final ObjectMapper mapper;

    public ReportFiles(IncidentConfig config, ObjectMapper mapper) {
        this.directory = Path.of(config.reports().directory());
        this.mapper = mapper;
    }

    public Path textFile(String version, String releaseId) {
        return directory.resolve("v" + version + "_" + releaseId + ".txt");
    }

    public void write(String version, String releaseId, String text, Object json) {
        try {
            Files.createDirectories(directory);
            replace(textFile(version, releaseId), text.getBytes(StandardCharsets.UTF_8));
            replace(directory.resolve("v" + version + "_" + releaseId + ".json"),
                    mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the deployment report of " + version, e);
        }
    }

    private static void replace(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".report", ".tmp");
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

package com.fincafacil.incident;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A temporary directory for the reports the service writes, removed when the tests end. */
public class ReportDirectoryResource implements QuarkusTestResourceLifecycleManager {

    static volatile Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("incident-reports");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("fincafacil.incident.reports.directory", directory.toString());
    }

    @Override
    public void stop() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind harms nothing
        }
    }
}

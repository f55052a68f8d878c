package com.fincafacil.flags.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The domain is plain Java plus semver4j and commons-codec, so any client can lift the evaluation
 * rules and the tests run without Quarkus. Reads the sources, since that needs no extra library.
 */
class DomainPurityTest {

    private static final List<String> FORBIDDEN =
            List.of("io.quarkus", "jakarta.", "javax.", "org.hibernate", "org.apache.kafka", "com.fasterxml",
                    "io.smallrye", "org.eclipse.microprofile", "com.fincafacil.flags.service",
                    "com.fincafacil.flags.file");

    @Test
    void domain_imports_no_framework() throws IOException {
        Path domain = Path.of("src/main/java/com/fincafacil/flags/domain");
        assertTrue(Files.isDirectory(domain), "run from the flags-core module: " + domain.toAbsolutePath());
        try (Stream<Path> files = Files.list(domain)) {
            List<String> offending = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(DomainPurityTest::imports)
                    .filter(line -> FORBIDDEN.stream().anyMatch(line::contains))
                    .toList();

            assertEquals(List.of(), offending);
        }
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith("import "))
                    .map(line -> file.getFileName() + ": " + line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

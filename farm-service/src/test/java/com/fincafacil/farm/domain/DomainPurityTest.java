package com.fincafacil.farm.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Keeps the domain pure Java: no framework may leak in (ArchUnit's rule, without the dependency). */
class DomainPurityTest {

    private static final Path DOMAIN = Path.of("src/main/java/com/fincafacil/farm/domain");
    private static final List<String> FORBIDDEN = List.of("io.quarkus", "jakarta.", "javax.persistence",
            "org.hibernate", "org.apache.kafka", "com.fasterxml", "org.apache.commons.csv", "io.smallrye");

    @Test
    void domain_imports_no_framework() throws IOException {
        assertFalse(Files.notExists(DOMAIN), "tests run from the farm-service module directory");
        List<String> offending;
        try (Stream<Path> files = Files.walk(DOMAIN)) {
            offending = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(DomainPurityTest::forbiddenImports)
                    .toList();
        }
        assertEquals(List.of(), offending);
    }

    private static Stream<String> forbiddenImports(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith("import "))
                    .filter(line -> FORBIDDEN.stream().anyMatch(prefix -> line.replace("import static ", "import ")
                            .startsWith("import " + prefix)))
                    .map(line -> file.getFileName() + ": " + line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package com.fincafacil.release.repository;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where farm-service's Flyway scripts are in the repository: the schema the backup tests run on. */
final class FarmSchema {

    private FarmSchema() {
    }

    static Path farmMigrations() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("farm-service/src/main/resources/db/migration"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run inside the repository");
        }
        return dir.resolve("farm-service/src/main/resources/db/migration");
    }
}

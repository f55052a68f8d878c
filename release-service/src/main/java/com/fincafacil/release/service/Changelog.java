package com.fincafacil.release.service;

import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.ChangelogEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The project's CHANGELOG.md (path configurable), read when a release is planned. */
@ApplicationScoped
public class Changelog {

    private final ReleaseConfig config;

    public Changelog(ReleaseConfig config) {
        this.config = config;
    }

    /** {@code version}'s items; empty when the file has no entry for it (or cannot be read). */
    public Optional<List<String>> entry(String version) {
        try {
            return ChangelogEntry.items(Files.readString(Path.of(config.changelogFile())), version);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public String file() {
        return config.changelogFile();
    }
}

package com.fincafacil.release.domain.deployment;

import java.time.Duration;
import java.util.List;

/** What a migrate-and-exit run did: applied versions (when the target can tell), how long, its log. */
public record MigrationRun(String version, boolean succeeded, List<String> applied, Duration duration, List<String> log) {
}

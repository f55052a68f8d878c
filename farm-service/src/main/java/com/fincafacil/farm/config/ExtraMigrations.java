package com.fincafacil.farm.config;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.filesystem.FileSystemResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Migrations a stored artifact carries beside its build ({@code fincafacil.farm.extra-migrations},
 * a directory of {@code V*__*.sql}): the release drill and the release tests relabel one build
 * with an extra migration. Quarkus fixes the classpath migrations at build time, so the directory
 * is added to its resource provider here, at run time.
 */
@Singleton
public class ExtraMigrations implements FlywayConfigurationCustomizer {

    private final Optional<Path> directory;

    public ExtraMigrations(FarmConfig config) {
        this.directory = config.extraMigrations().filter(d -> !d.isBlank()).map(Path::of);
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (directory.isEmpty()) {
            return;
        }
        Path dir = directory.get().toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("fincafacil.farm.extra-migrations: " + dir + " is not a directory");
        }
        ResourceProvider built = configuration.getResourceProvider();
        Location location = new Location("filesystem:" + dir);
        configuration.resourceProvider(new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                Path file = dir.resolve(name).normalize();
                return file.startsWith(dir) && Files.isRegularFile(file) ? resource(location, file) : built.getResource(name);
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                List<LoadableResource> all = new ArrayList<>(built.getResources(prefix, suffixes));
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().startsWith(prefix)
                                    && Arrays.stream(suffixes).anyMatch(s -> f.getFileName().toString().endsWith(s)))
                            .sorted().forEach(f -> all.add(resource(location, f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return all;
            }
        });
    }

    private static LoadableResource resource(Location location, Path file) {
        return new FileSystemResource(location, file.toString(), StandardCharsets.UTF_8, false);
    }
}

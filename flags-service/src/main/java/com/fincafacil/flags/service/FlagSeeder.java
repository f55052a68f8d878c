package com.fincafacil.flags.service;

import com.fincafacil.flags.config.FlagsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the seed's flag file when the store is empty (the first start); a store with flags is left alone. */
@ApplicationScoped
public class FlagSeeder {

    private static final Logger LOG = Logger.getLogger(FlagSeeder.class);

    private final FlagImportService imports;
    private final FlagStore store;
    private final FlagsConfig config;

    public FlagSeeder(FlagImportService imports, FlagStore store, FlagsConfig config) {
        this.imports = imports;
        this.store = store;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        Path file = Path.of(config.seedFile());
        if (imports.storeIsEmpty() && Files.exists(file)) {
            var result = imports.importFile(Files.readString(file), "system", "first start: loaded " + file.getFileName());
            LOG.infof("flag store seeded from %s: %d flags", file, result.created().size());
        }
        store.reload();
    }
}

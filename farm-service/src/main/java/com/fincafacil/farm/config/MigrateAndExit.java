package com.fincafacil.farm.config;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Migrate-and-exit mode ({@code quarkus.init-and-exit=true}, what a release's migration runs):
 * the process ends as soon as Flyway has committed every migration. Quarkus would otherwise sit
 * out a fixed five seconds after initialising before it exits, twice per release (the scratch
 * check and the real migration). A failed migration is left to Quarkus, which exits with 1.
 */
@Singleton
public class MigrateAndExit implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(MigrateAndExit.class);

    private final boolean initAndExit;

    public MigrateAndExit(@ConfigProperty(name = "quarkus.init-and-exit", defaultValue = "false") boolean initAndExit) {
        this.initAndExit = initAndExit;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (!initAndExit) {
            return;
        }
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(new ExitAfterMigrate());
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }

    private static final class ExitAfterMigrate implements Callback {
        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            LOG.info("migrations committed; exiting");
            System.out.flush();
            // halt, not exit: Quarkus is still starting, and its shutdown hook would wait for that
            Runtime.getRuntime().halt(0);
        }

        @Override
        public String getCallbackName() {
            return "exit-after-migrate";
        }
    }
}

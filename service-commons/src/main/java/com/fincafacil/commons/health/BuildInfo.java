package com.fincafacil.commons.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The running build's name and version label (a release may run one build under a new label). */
@ApplicationScoped
public class BuildInfo {

    private final String name;
    private final String version;

    public BuildInfo(@ConfigProperty(name = "quarkus.application.name") String name,
                     @ConfigProperty(name = "fincafacil.version", defaultValue = "${quarkus.application.version}") String version) {
        this.name = name;
        this.version = version;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }
}

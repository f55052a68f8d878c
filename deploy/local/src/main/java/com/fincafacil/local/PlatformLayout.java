package com.fincafacil.local;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the local platform keeps things and which ports it uses (design.md's table). Everything
 * lives under one home directory, {@code ./.fincafacil} unless FINCAFACIL_HOME says otherwise.
 */
public record PlatformLayout(Path root, Path home) {

    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int TRAFFIC_PORT = 8080;

    /** The services in start order, with their database and port. farm-service runs as slot blue. */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("flags-service", "flags", 8081),
            new ServiceSpec("farm-service", "farm", 8090),
            new ServiceSpec("release-service", "release", 8082),
            new ServiceSpec("incident-service", "incident", 8083));

    public record ServiceSpec(String name, String database, int port) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    public static ServiceSpec service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public static PlatformLayout fromEnvironment() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        String home = System.getenv("FINCAFACIL_HOME");
        return new PlatformLayout(root, home == null || home.isBlank() ? root.resolve(".fincafacil") : Path.of(home).toAbsolutePath());
    }

    public Path postgresData() {
        return home.resolve("postgres/data");
    }

    public Path postgresBinaries() {
        return home.resolve("postgres/bin");
    }

    public Path kafkaData() {
        return home.resolve("kafka");
    }

    public Path keys() {
        return home.resolve("keys");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path pidFile() {
        return home.resolve("platform.pid");
    }

    public Path serviceApp(ServiceSpec service) {
        return root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public Path config(String file) {
        return root.resolve("config").resolve(file);
    }
}

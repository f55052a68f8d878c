package com.fincafacil.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local platform keeps things and which ports it uses. Everything lives under one home
 * directory, {@code ./.fincafacil} unless FINCAFACIL_HOME says otherwise; ports and JVM options
 * come from {@link PlatformSettings}.
 */
public record PlatformLayout(Path root, Path home, PlatformSettings settings) {

    public static final List<String> SLOTS = List.of("blue", "green");
    public static final String FARM_SERVICE = "farm-service";
    private static final Map<String, String> DATABASES = Map.of(
            "flags-service", "flags", FARM_SERVICE, "farm", "release-service", "release", "incident-service", "incident");

    public record ServiceSpec(String name, String database, int port) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    public static PlatformLayout fromEnvironment() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        String home = System.getenv("FINCAFACIL_HOME");
        Path homeDir = home == null || home.isBlank() ? root.resolve(".fincafacil") : root.resolve(home).toAbsolutePath();
        return new PlatformLayout(root, homeDir, PlatformSettings.fromEnvironment(root));
    }

    /** The services started besides the farm slots, in start order. */
    public List<ServiceSpec> services() {
        return settings.services().stream().map(this::service).toList();
    }

    public ServiceSpec service(String name) {
        String database = DATABASES.get(name);
        if (database == null) {
            throw new IllegalStateException("unknown service '" + name + "' in the services setting");
        }
        return new ServiceSpec(name, database, settings.port(name));
    }

    /** Every database the platform needs, farm's included. */
    public List<String> databases() {
        return DATABASES.values().stream().sorted().toList();
    }

    public String slotUrl(String slot) {
        return "http://127.0.0.1:" + settings.slotPort(slot);
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

    public Path artifacts() {
        return home.resolve("artifacts");
    }

    /** Class-data archives of the services' builds (a slot's is kept with its artifact). */
    public Path classDataCache() {
        return home.resolve("cds");
    }

    /** The slots' versions and the active slot, kept across down and up. */
    public Path slotsFile() {
        return home.resolve("slots.json");
    }

    /** A service's own build (farm-service's is only the source of artifacts). */
    public Path serviceApp(String service) {
        return root.resolve(service).resolve("target/quarkus-app");
    }

    public Path config(String file) {
        return root.resolve("config").resolve(file);
    }
}

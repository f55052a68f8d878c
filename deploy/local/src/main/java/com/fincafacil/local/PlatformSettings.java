package com.fincafacil.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The local platform's settings: {@code config/local-platform.properties}, each key overridable by
 * an environment variable ({@code port.traffic} → {@code FINCAFACIL_PORT_TRAFFIC}). Tests pass
 * their own overrides (free ports) instead of touching the environment.
 */
public final class PlatformSettings {

    public static final String FILE = "config/local-platform.properties";

    private final Properties values;

    private PlatformSettings(Properties values) {
        this.values = values;
    }

    /** The file under {@code root}, then the environment, then {@code overrides}. */
    public static PlatformSettings load(Path root, Map<String, String> environment, Map<String, String> overrides) {
        Properties values = new Properties();
        Path file = root.resolve(FILE);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                values.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        for (String key : values.stringPropertyNames()) {
            String fromEnv = environment.get(environmentName(key));
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.setProperty(key, fromEnv);
            }
        }
        overrides.forEach(values::setProperty);
        return new PlatformSettings(values);
    }

    public static PlatformSettings fromEnvironment(Path root) {
        return load(root, System.getenv(), Map.of());
    }

    static String environmentName(String key) {
        return "FINCAFACIL_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public int port(String name) {
        return Integer.parseInt(required("port." + name).trim());
    }

    public int slotPort(String slot) {
        return port("slot." + slot);
    }

    public Duration seconds(String key) {
        return Duration.ofSeconds(Long.parseLong(required(key).trim()));
    }

    /** The JVM options of one process, split on blanks; none when unset. */
    public List<String> jvmOptions(String process) {
        String options = values.getProperty("jvm." + process, "").trim();
        return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
    }

    /** {@code key}'s value, or {@code fallback} when it is not set. */
    public String value(String key, String fallback) {
        String value = values.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** The services started besides farm-service's slots, in start order ({@code none}: only the slots). */
    public List<String> services() {
        String list = values.getProperty("services", "").trim();
        return list.isEmpty() || list.equals("none") ? List.of() : Arrays.stream(list.split(",")).map(String::trim).toList();
    }

    /** A copy with some keys replaced. */
    public PlatformSettings with(Map<String, String> overrides) {
        Properties copy = new Properties();
        copy.putAll(values);
        overrides.forEach(copy::setProperty);
        return new PlatformSettings(copy);
    }

    Map<String, String> asMap() {
        Map<String, String> map = new HashMap<>();
        values.stringPropertyNames().forEach(k -> map.put(k, values.getProperty(k)));
        return map;
    }

    private String required(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("setting " + key + " is missing from " + FILE);
        }
        return value;
    }
}

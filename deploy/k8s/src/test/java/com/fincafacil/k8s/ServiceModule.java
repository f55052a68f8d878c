package com.fincafacil.k8s;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service as its configuration describes it: its module and the FincaFácil modules it runs
 * with, their config properties (the service's own win) and the env names they read.
 */
final class ServiceModule {

    /** `${NAME}` or `${NAME:default}`; a default may itself hold an expression, cut at its first `}`. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}?");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MAPPING_METHOD = Pattern.compile("(?m)^\\s+[\\w<>,.?\\s]+\\s(\\w+)\\(\\);");

    private final String name;
    private final List<Path> modules;
    private final Map<String, String> properties = new HashMap<>();

    ServiceModule(String name, List<Path> modulesDependenciesFirst) {
        this.name = name;
        this.modules = modulesDependenciesFirst;
        modulesDependenciesFirst.forEach(dir -> properties.putAll(Repo.ownProperties(dir)));
    }

    String name() {
        return name;
    }

    /** The port `quarkus.http.port` gives when HTTP_PORT is not set, e.g. `${HTTP_PORT:8090}`. */
    int httpPort() {
        String value = property("quarkus.http.port");
        Matcher m = ENV_REFERENCE.matcher(value);
        if (m.matches()) {
            if (!"HTTP_PORT".equals(m.group(1))) {
                throw new AssertionError(name + ": quarkus.http.port reads " + m.group(1) + ", not HTTP_PORT");
            }
            value = m.group(2);
        }
        return Integer.parseInt(value.trim());
    }

    /** The path SmallRye Health serves a check group on: `liveness`, `readiness` or `startup`. */
    String healthPath(String group) {
        if ("true".equals(properties.get("quarkus.management.enabled"))) {
            throw new AssertionError(name + " serves health on the management port: the probes must follow it");
        }
        String defaultPath = Map.of("liveness", "live", "readiness", "ready", "startup", "started").get(group);
        return "/" + properties.getOrDefault("quarkus.http.non-application-root-path", "q")
                + "/" + properties.getOrDefault("quarkus.smallrye-health.root-path", "health")
                + "/" + properties.getOrDefault("quarkus.smallrye-health." + group + "-path", defaultPath);
    }

    boolean dependsOn(String groupId, String artifactId) {
        return modules.stream().flatMap(dir -> Repo.dependencies(dir).stream())
                .anyMatch(d -> d.groupId().equals(groupId) && d.artifactId().equals(artifactId) && !d.scope().equals("test"));
    }

    /** The default of `${NAME:default}` in a property, e.g. the local JDBC URL. */
    String defaultOf(String key) {
        Matcher m = ENV_REFERENCE.matcher(property(key));
        if (!m.find() || m.group(2) == null) {
            throw new AssertionError(name + ": " + key + " has no ${NAME:default}");
        }
        return m.group(2);
    }

    /** Every `${NAME…}` its properties reference, with the default it has (null when none). */
    Map<String, String> envReferences() {
        Map<String, String> references = new LinkedHashMap<>();
        properties.values().forEach(value -> {
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                references.put(m.group(1), m.group(2));
            }
        });
        return references;
    }

    /**
     * Env names the service reads: its `${NAME}` references and the env form of each property of
     * its @ConfigMapping interfaces (SmallRye maps FINCAFACIL_RELEASE_DEPLOYMENT_FILE to
     * fincafacil.release.deployment-file).
     */
    Set<String> envNamesRead() {
        Set<String> names = new TreeSet<>(envReferences().keySet());
        for (Path dir : modules) {
            for (Path source : Repo.javaSources(dir)) {
                String code = Repo.read(source);
                Matcher mapping = CONFIG_MAPPING.matcher(code);
                if (mapping.find()) {
                    Matcher method = MAPPING_METHOD.matcher(code);
                    while (method.find()) {
                        names.add(envForm(mapping.group(1) + "." + kebab(method.group(1))));
                    }
                }
            }
        }
        return names;
    }

    private String property(String key) {
        String value = properties.get(key);
        if (value == null) {
            throw new AssertionError(name + " does not set " + key);
        }
        return value;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String envForm(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    @Override
    public String toString() {
        return name;
    }
}

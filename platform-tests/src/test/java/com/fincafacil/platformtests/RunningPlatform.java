package com.fincafacil.platformtests;

import com.fincafacil.platform.FreePorts;
import com.fincafacil.platform.OperatorTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole local platform as a user starts it ({@code ./fincafacil up --allow-faults}, the
 * launcher's jar in its own process), in a temporary home on free ports, started once per test run
 * and shared by the platform-level tests: a parameter of theirs, resolved from JUnit's root store,
 * which stops it ({@code ./fincafacil down}) when the run ends.
 */
final class RunningPlatform implements AutoCloseable {

    /** Resolves a {@code RunningPlatform} parameter to the one platform of the run. */
    static final class Shared implements org.junit.jupiter.api.extension.ParameterResolver {

        @Override
        public boolean supportsParameter(org.junit.jupiter.api.extension.ParameterContext parameter,
                                         org.junit.jupiter.api.extension.ExtensionContext context) {
            return parameter.getParameter().getType() == RunningPlatform.class;
        }

        @Override
        public Object resolveParameter(org.junit.jupiter.api.extension.ParameterContext parameter,
                                       org.junit.jupiter.api.extension.ExtensionContext context) {
            return context.getRoot().getStore(org.junit.jupiter.api.extension.ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(RunningPlatform.class, k -> start(), RunningPlatform.class);
        }
    }

    private final Path root;
    private final Path home;
    private final Map<String, Integer> ports;
    private final Process process;
    private final OperatorTokens tokens;

    private RunningPlatform(Path root, Path home, Map<String, Integer> ports, Process process) throws IOException {
        this.root = root;
        this.home = home;
        this.ports = ports;
        this.process = process;
        this.tokens = OperatorTokens.inDirectory(home.resolve("keys"));
    }

    private static RunningPlatform start() {
        try {
            return startUp();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RunningPlatform startUp() throws IOException, InterruptedException {
        Path root = repositoryRoot();
        Path home = Files.createTempDirectory("fincafacil-platform-tests");
        Map<String, Integer> ports = new LinkedHashMap<>();
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve("config/local-platform.properties"))) {
            settings.load(in);
        }
        // every port the platform opens, whatever the settings file names: none of the fixed ones
        settings.stringPropertyNames().stream().filter(k -> k.startsWith("port.")).sorted()
                .forEach(k -> ports.put(k.substring("port.".length()), FreePorts.next()));
        ProcessBuilder up = launcher(root, home, ports, "up", "--allow-faults")
                .redirectErrorStream(true).redirectOutput(home.resolve("up.log").toFile());
        Process process = up.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!printed(home).contains("FincaFácil is up")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroy();
                throw new IllegalStateException("the platform did not come up:\n" + printed(home));
            }
            Thread.sleep(250);
        }
        return new RunningPlatform(root, home, ports, process);
    }

    private static ProcessBuilder launcher(Path root, Path home, Map<String, Integer> ports, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                root.resolve("deploy/local/target/local-platform.jar").toString()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("FINCAFACIL_HOME", home.toString());
        ports.forEach((key, port) -> builder.environment().put(
                "FINCAFACIL_PORT_" + key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"), Integer.toString(port)));
        return builder;
    }

    private static String printed(Path home) {
        try {
            return Files.readString(home.resolve("up.log"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            launcher(root, home, ports, "down").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("platform-tests: could not stop the platform in " + home + ": " + e);
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("fincafacil"))) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.exists(dir.resolve("deploy/local/target/local-platform.jar"))) {
            throw new IllegalStateException("run from the repository, after deploy/local is packaged");
        }
        return dir;
    }

    /** {@code http://127.0.0.1:<port>} of a port named as in the settings file ({@code traffic}, {@code release-service}). */
    String url(String portKey) {
        Integer port = ports.get(portKey);
        if (port == null) {
            throw new IllegalArgumentException("no port " + portKey + " in " + ports.keySet());
        }
        return "http://127.0.0.1:" + port;
    }

    /** A token signed with the platform's key, as {@code ./fincafacil token --role <role>} prints. */
    String token(String role) {
        return tokens.mint("platform-tests-" + role, role, Duration.ofHours(2));
    }

    Path home() {
        return home;
    }

    Path logs() {
        return home.resolve("logs");
    }

    Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + ports.get("postgres") + "/" + name,
                "postgres", "postgres");
    }

    /** Every table of a database, schema-qualified and quoted, ready to put in a query. */
    static java.util.List<String> tables(Connection c) throws SQLException {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) "
                + "FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}

package com.fincafacil.release.client;

import com.fincafacil.platform.FreePorts;
import com.fincafacil.platform.KafkaBroker;
import com.fincafacil.platform.OperatorTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real local platform launcher ({@code local-platform.jar up}) as a child process: a temporary
 * home, every port free and random, farm-service's slots only. What release-service's local
 * target talks to in production use, started and stopped by the test.
 */
public final class LauncherProcess implements AutoCloseable {

    private final Path home;
    private final Map<String, String> environment;
    private final Process process;
    final int controlPort;
    final OperatorTokens tokens;

    private LauncherProcess(Path home, Map<String, String> environment, Process process, int controlPort, OperatorTokens tokens) {
        this.home = home;
        this.environment = environment;
        this.process = process;
        this.controlPort = controlPort;
        this.tokens = tokens;
    }

    public static LauncherProcess start() throws Exception {
        Path home = Files.createTempDirectory("fincafacil-launcher-");
        Map<String, String> env = new HashMap<>();
        env.put("FINCAFACIL_HOME", home.toString());
        env.put("FINCAFACIL_SERVICES", "none");
        for (String port : List.of("TRAFFIC", "ENTRY_ADMIN", "CONTROL", "SLOT_BLUE", "SLOT_GREEN", "POSTGRES", "KAFKA", "KAFKA_CONTROLLER")) {
            env.put("FINCAFACIL_PORT_" + port, String.valueOf(FreePorts.next()));
        }
        OperatorTokens tokens = OperatorTokens.inDirectory(home.resolve("keys"));
        Process process = command(env, "up", "--allow-faults").redirectOutput(home.resolve("launcher.log").toFile()).start();
        LauncherProcess launcher = new LauncherProcess(home, env, process, Integer.parseInt(env.get("FINCAFACIL_PORT_CONTROL")), tokens);
        launcher.awaitUp(Duration.ofMinutes(3));
        return launcher;
    }

    /** Runs another launcher command against the same home (e.g. {@code artifact add}); returns its exit code. */
    public int run(String... args) throws Exception {
        Process p = command(environment, args).redirectOutput(home.resolve("command.log").toFile()).start();
        return p.waitFor();
    }

    public String operatorToken() {
        return tokens.mint("release-service-test", "operator", Duration.ofHours(1));
    }

    public int postgresPort() {
        return Integer.parseInt(environment.get("FINCAFACIL_PORT_POSTGRES"));
    }

    /** The farm key the launcher keeps for release smoke tests. */
    public Path smokeKeyFile() {
        return home.resolve("smoke-key.json");
    }

    /** The traffic entry's Prometheus page: what farm apps saw, per slot. */
    public String entryMetricsUrl() {
        return "http://127.0.0.1:" + environment.get("FINCAFACIL_PORT_ENTRY_ADMIN") + "/metrics";
    }

    /** The traffic entry farm apps use. */
    public String trafficUrl() {
        return "http://127.0.0.1:" + environment.get("FINCAFACIL_PORT_TRAFFIC");
    }

    public String controlUrl() {
        return "http://127.0.0.1:" + controlPort;
    }

    private static ProcessBuilder command(Map<String, String> env, String... args) {
        Path root = Manifests.root();
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("deploy/local/target/local-platform.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder;
    }

    private void awaitUp(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the launcher exited: " + Files.readString(home.resolve("launcher.log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(controlUrl() + "/api/v1/traffic"))
                        .header("Authorization", "Bearer " + operatorToken()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"ready\" : true")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the launcher was not up in time: " + Files.readString(home.resolve("launcher.log")));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        KafkaBroker.deleteTree(home);
    }
}

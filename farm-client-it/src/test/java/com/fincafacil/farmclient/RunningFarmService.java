package com.fincafacil.farmclient;

import com.fincafacil.platform.FreePorts;
import com.fincafacil.platform.OperatorTokens;
import com.fincafacil.testing.TestPlatform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged farm-service (its quarkus-run.jar, as a release ships it) running in its own process
 * on the test platform's PostgreSQL and Kafka, with the flags service away (it answers from the flag
 * file then). Its log goes to target/farm-service.log.
 */
final class RunningFarmService implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final String baseUri;

    private RunningFarmService(Process process, String baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    static RunningFarmService start() throws Exception {
        Path app = Path.of(System.getProperty("farm.app", "../farm-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build farm-service first (the reactor does)");
        }
        TestPlatform platform = TestPlatform.shared();
        platform.postgres().ensureDatabase("farm_client");
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + platform.postgres().jdbcUrl("farm_client"),
                "-Dkafka.bootstrap.servers=" + platform.kafka().bootstrapServers(),
                "-Dmp.jwt.verify.publickey.location=" + platform.tokens().publicKeyFile(),
                "-Dmp.jwt.verify.issuer=" + OperatorTokens.ISSUER,
                "-Dfincafacil.flags-client.url=http://127.0.0.1:9",
                "-Dfincafacil.flags-client.defaults-file=../config/feature_flags.json",
                "-jar", app.toString()));
        Path log = Path.of("target", "farm-service.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningFarmService service = new RunningFarmService(process, "http://127.0.0.1:" + port);
        service.awaitReady(log);
        return service;
    }

    String baseUri() {
        return baseUri;
    }

    /** Live is enough: the database is migrated before the port opens, and a write does not wait for Kafka. */
    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                HttpResponse<Void> live = http.send(HttpRequest.newBuilder(URI.create(baseUri + "/q/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (live.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port opens when start-up ends
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("farm-service did not become ready; its log:\n" + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

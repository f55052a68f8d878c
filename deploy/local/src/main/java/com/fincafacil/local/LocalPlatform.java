package com.fincafacil.local;

import com.fincafacil.platform.EmbeddedPostgresServer;
import com.fincafacil.platform.KafkaBroker;
import com.fincafacil.platform.OperatorTokens;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: PostgreSQL and Kafka keeping their data under the home
 * directory, the four services, and the traffic entry in front of farm-service's active slot.
 * Stops in reverse order of start.
 */
final class LocalPlatform implements AutoCloseable {

    private final PlatformLayout layout;
    private final PrintStream out;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private KafkaBroker kafka;
    private TrafficEntry traffic;

    LocalPlatform(PlatformLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    void start() throws Exception {
        Files.createDirectories(layout.logs());
        long t0 = System.nanoTime();
        postgres = EmbeddedPostgresServer.start(layout.postgresData(), layout.postgresBinaries(), PlatformLayout.POSTGRES_PORT);
        for (PlatformLayout.ServiceSpec spec : PlatformLayout.SERVICES) {
            postgres.ensureDatabase(spec.database());
        }
        out.printf("  postgres   up on port %d (%d ms)%n", postgres.port(), ms(t0));
        long t1 = System.nanoTime();
        kafka = KafkaBroker.start(layout.kafkaData(), PlatformLayout.KAFKA_PORT, PlatformLayout.KAFKA_CONTROLLER_PORT);
        out.printf("  kafka      up on %s (%d ms)%n", kafka.bootstrapServers(), ms(t1));
        OperatorTokens tokens = OperatorTokens.inDirectory(layout.keys());
        for (PlatformLayout.ServiceSpec spec : PlatformLayout.SERVICES) {
            services.add(ServiceProcess.start(spec, layout.serviceApp(spec), layout.logs().resolve(spec.name() + ".log"),
                    layout.root(), properties(spec, tokens)));
        }
        traffic = TrafficEntry.start(PlatformLayout.TRAFFIC_PORT, PlatformLayout.service("farm-service").port());
    }

    /** Waits until every service answers ready; returns false if one died or time ran out. */
    boolean awaitReady(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<ServiceProcess> pending = new ArrayList<>(services);
        long t0 = System.nanoTime();
        while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    out.printf("  %-16s exited; see %s%n", service.spec().name(), layout.logs().resolve(service.spec().name() + ".log"));
                    return false;
                }
                if (ServiceProcess.isReady(service.spec().url())) {
                    out.printf("  %-16s ready (%d ms)%n", service.spec().name(), ms(t0));
                    pending.remove(service);
                }
            }
            Thread.sleep(200);
        }
        return pending.isEmpty();
    }

    List<Long> childPids() {
        return services.stream().map(ServiceProcess::pid).toList();
    }

    private Map<String, String> properties(PlatformLayout.ServiceSpec spec, OperatorTokens tokens) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.http.port", String.valueOf(spec.port()));
        p.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(spec.database()));
        p.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        p.put("mp.jwt.verify.publickey.location", tokens.publicKeyFile().toString());
        p.put("mp.jwt.verify.issuer", OperatorTokens.ISSUER);
        switch (spec.name()) {
            case "flags-service" -> {
                p.put("fincafacil.flags.seed-file", layout.config("feature_flags.json").toString());
                p.put("fincafacil.flags.deployment-file", layout.config("deployment.json").toString());
            }
            case "farm-service" -> {
                p.put("fincafacil.farm.slot", "blue");
                p.put("fincafacil.flags-client.url", PlatformLayout.service("flags-service").url());
                p.put("fincafacil.flags-client.defaults-file", layout.config("feature_flags.json").toString());
            }
            case "release-service" -> p.put("fincafacil.release.deployment-file", layout.config("deployment.json").toString());
            default -> {
                // incident-service needs only the shared settings
            }
        }
        return p;
    }

    @Override
    public void close() {
        closeQuietly("traffic entry", traffic);
        // stop every service at once: each shuts down cleanly on SIGTERM, and in parallel that takes seconds
        reversedServices().forEach(ServiceProcess::signalStop);
        reversedServices().forEach(ServiceProcess::stop);
        closeQuietly("kafka", kafka);
        closeQuietly("postgres", postgres);
    }

    private List<ServiceProcess> reversedServices() {
        List<ServiceProcess> reversed = new ArrayList<>(services);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private void closeQuietly(String what, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            out.printf("  %s did not stop cleanly: %s%n", what, e.getMessage());
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}

package com.fincafacil.local;

import com.fincafacil.local.artifact.ArtifactStore;
import com.fincafacil.local.control.ControlApi;
import com.fincafacil.local.control.OperatorAuth;
import com.fincafacil.local.entry.EntryProcess;
import com.fincafacil.local.faults.BrokerOutage;
import com.fincafacil.local.faults.FaultInjection;
import com.fincafacil.local.slots.FarmProcesses;
import com.fincafacil.local.slots.MigrationRunner;
import com.fincafacil.local.slots.SlotManager;
import com.fincafacil.platform.EmbeddedPostgresServer;
import com.fincafacil.platform.KafkaBroker;
import com.fincafacil.platform.OperatorTokens;
import io.vertx.core.Vertx;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform on one machine, playing Kubernetes' part for farm-service: PostgreSQL and
 * Kafka keeping their data under the home directory, the services, the traffic entry in its own
 * process, the two farm slots run from the artifact store, and the control API that drives them.
 * Stops in reverse order of start.
 */
public final class LocalPlatform implements AutoCloseable {

    private final PlatformLayout layout;
    private final PrintStream out;
    private final boolean allowFaults;
    private final ServiceSupervisor services;
    private EmbeddedPostgresServer postgres;
    private volatile KafkaBroker kafka;
    private BrokerOutage brokerOutage;
    private OperatorTokens tokens;
    private EntryProcess entry;
    private SlotManager slots;
    private MigrationRunner migrations;
    private ArtifactStore artifacts;
    private Vertx vertx;
    private ControlApi control;

    public LocalPlatform(PlatformLayout layout, PrintStream out) {
        this(layout, out, false);
    }

    /** {@code allowFaults}: whether operators may inject faults ({@code up --allow-faults}); off by default. */
    public LocalPlatform(PlatformLayout layout, PrintStream out, boolean allowFaults) {
        this.layout = layout;
        this.out = out;
        this.allowFaults = allowFaults;
        this.services = new ServiceSupervisor(out);
    }

    /** Starts everything; the farm slots come back as the last run left them, or are installed the first time. */
    public void start() throws Exception {
        Files.createDirectories(layout.logs());
        PlatformSettings settings = layout.settings();
        long t0 = System.nanoTime();
        postgres = EmbeddedPostgresServer.start(layout.postgresData(), layout.postgresBinaries(), settings.port("postgres"));
        for (String database : layout.databases()) {
            postgres.ensureDatabase(database);
        }
        out.printf("  postgres   up on port %d (%d ms)%n", postgres.port(), ms(t0));
        long t1 = System.nanoTime();
        kafka = KafkaBroker.start(layout.kafkaData(), settings.port("kafka"), settings.port("kafka-controller"));
        out.printf("  kafka      up on %s (%d ms)%n", kafka.bootstrapServers(), ms(t1));
        tokens = OperatorTokens.inDirectory(layout.keys());
        for (PlatformLayout.ServiceSpec spec : layout.services()) {
            Map<String, String> properties = serviceProperties(spec);
            services.start(spec.name(), () -> ServiceProcess.start(spec.name(), settings.jvmOptions(spec.name()), properties,
                    ServiceProcess.quarkusApp(layout.serviceApp(spec.name())), layout.logs().resolve(spec.name() + ".log"),
                    layout.root(), ClassDataSharing.forBuild(layout.classDataCache(), spec.name(), layout.serviceApp(spec.name()))));
        }
        entry = EntryProcess.start(layout, SlotManager.recordedActive(layout), this::launcherToken, allowFaults);
        out.printf("  entry      up on http://127.0.0.1:%d (metrics: http://127.0.0.1:%d/metrics)%n",
                settings.port("traffic"), settings.port("entry-admin"));
        artifacts = new ArtifactStore(layout.artifacts());
        FarmProcesses farm = new FarmProcesses(layout, farmProperties());
        slots = new SlotManager(layout, artifacts, farm, entry, out);
        migrations = new MigrationRunner(layout, artifacts, farm);
        vertx = Vertx.vertx();
        control = ControlApi.start(vertx, settings.port("control"),
                OperatorAuth.withPublicKey(tokens.publicKeyFile()), slots, migrations, artifacts,
                new FaultInjection(allowFaults, entry, slots, brokerOutage = new BrokerOutage(new RestartableBroker(), out), services));
        out.printf("  control    up on http://127.0.0.1:%d/api/v1%s%n", settings.port("control"),
                allowFaults ? " (fault injection allowed: ./fincafacil faults)" : "");
        new FarmInstall(layout, artifacts, migrations, slots, out).installOrRestore();
        try {
            SmokeKey.ensure(layout.home(), "http://127.0.0.1:" + settings.port("traffic"), this::launcherToken);
        } catch (java.io.IOException e) {
            out.printf("  smoke key  not created (%s); release smoke tests will read no farm data%n", e.getMessage());
        }
    }

    /** Waits until every service and the active slot answer ready; false if one died or time ran out. */
    public boolean awaitReady(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<ServiceProcess> pending = new ArrayList<>(services.processes());
        long t0 = System.nanoTime();
        while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    out.printf("  %-16s exited; see %s%n", service.name(), service.log());
                    return false;
                }
                if (ServiceProcess.isReady(layout.service(service.name()).url())) {
                    out.printf("  %-16s ready (%d ms)%n", service.name(), ms(t0));
                    pending.remove(service);
                }
            }
            Thread.sleep(200);
        }
        return pending.isEmpty() && slots.traffic().getBoolean("ready");
    }

    public SlotManager slots() {
        return slots;
    }

    public OperatorTokens tokens() {
        return tokens;
    }

    private String launcherToken() {
        return tokens.mint("local-launcher", ControlApi.OPERATOR, Duration.ofMinutes(5));
    }

    private Map<String, String> commonProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        p.put("mp.jwt.verify.publickey.location", tokens.publicKeyFile().toString());
        p.put("mp.jwt.verify.issuer", OperatorTokens.ISSUER);
        return p;
    }

    private Map<String, String> serviceProperties(PlatformLayout.ServiceSpec spec) {
        Map<String, String> p = commonProperties();
        p.put("quarkus.http.port", String.valueOf(spec.port()));
        p.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(spec.database()));
        switch (spec.name()) {
            case "flags-service" -> {
                p.put("fincafacil.flags.seed-file", layout.config("feature_flags.json").toString());
                p.put("fincafacil.flags.deployment-file", layout.config("deployment.json").toString());
            }
            case "release-service" -> {
                p.put("fincafacil.release.deployment-file", layout.config("deployment.json").toString());
                p.put("fincafacil.release.target.kind", "local");
                p.put("fincafacil.release.target.launcher-url", "http://127.0.0.1:" + layout.settings().port("control"));
                // release-service drives the slots through the control API; `up` starts it again with a fresh token
                p.put("fincafacil.release.target.launcher-token",
                        tokens.mint("release-service", ControlApi.OPERATOR, Duration.ofDays(30)));
                // a release backs the farm database up and validates it after migrating
                p.put("fincafacil.release.farm-database.url", postgres.jdbcUrl("farm"));
                p.put("fincafacil.release.backup-directory", layout.home().resolve("backups").toString());
                p.put("fincafacil.release.smoke-key-file", layout.home().resolve(SmokeKey.FILE).toString());
                // a release's version needs an entry here (the go-live drill's scratch platform brings its own)
                p.put("fincafacil.release.changelog-file",
                        layout.root().resolve(layout.settings().value("release.changelog-file", "CHANGELOG.md")).toString());
                // the analysis measures every second what farm apps see through the entry
                p.put("fincafacil.release.analysis.interval", "PT1S");
                p.put("fincafacil.release.analysis.entry-metrics-url",
                        "http://127.0.0.1:" + layout.settings().port("entry-admin") + "/metrics");
                // the "every service ready" gate of a release asks these
                for (String other : List.of("flags-service", "incident-service")) {
                    p.put("fincafacil.release.services." + other, "http://127.0.0.1:" + layout.settings().port(other));
                }
                // the console's Flags and Incidents screens call these with the operator's own token
                p.put("fincafacil.release.console.flags-url", "http://127.0.0.1:" + layout.settings().port("flags-service"));
                p.put("fincafacil.release.console.incident-url", "http://127.0.0.1:" + layout.settings().port("incident-service"));
            }
            case "incident-service" -> {
                // the seed's logs/incidents/, under the platform's home rather than wherever it was started from
                p.put("fincafacil.incident.reports.directory", layout.home().resolve("logs").resolve("incidents").toString());
                // webhook URLs are sealed with a key made once per home, kept beside the token keys
                p.put("fincafacil.incident.secret-key", secretKey(layout.keys().resolve("incident-secret.key")));
            }
            default -> {
                // no other settings
            }
        }
        return p;
    }

    /** The base64 AES-256 key in {@code file}, made (readable by its owner only) the first time. */
    private static String secretKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the home's own permissions protect it
                }
            }
            return Files.readString(file).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What every farm-service process is given; the slot, port and version are added per slot. */
    private Map<String, String> farmProperties() {
        Map<String, String> p = commonProperties();
        p.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("farm"));
        p.put("fincafacil.flags-client.url", "http://127.0.0.1:" + layout.settings().port("flags-service"));
        p.put("fincafacil.flags-client.defaults-file", layout.config("feature_flags.json").toString());
        return p;
    }

    @Override
    public void close() {
        services.close();
        closeQuietly("control API", control);
        closeQuietly("slots", slots);
        closeQuietly("traffic entry", entry);
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                out.printf("  vert.x did not stop cleanly: %s%n", e.getMessage());
            }
        }
        // stop every service at once: each shuts down cleanly on SIGTERM, and in parallel that takes seconds
        List<ServiceProcess> reversed = new ArrayList<>(services.processes());
        Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::signalStop);
        reversed.forEach(s -> s.stop(Duration.ofSeconds(20)));
        closeQuietly("kafka outage", brokerOutage);
        closeQuietly("kafka", kafka);
        closeQuietly("postgres", postgres);
    }

    /** The broker a Kafka-outage fault stops and starts again, on the same ports and data. */
    private final class RestartableBroker implements BrokerOutage.Broker {
        @Override
        public void stop() throws Exception {
            kafka.close();
        }

        @Override
        public void start() throws Exception {
            PlatformSettings settings = layout.settings();
            kafka = KafkaBroker.start(layout.kafkaData(), settings.port("kafka"), settings.port("kafka-controller"));
        }
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

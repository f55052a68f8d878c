package com.fincafacil.local.drill;

import com.fincafacil.local.LocalPlatform;
import com.fincafacil.local.PlatformLayout;
import com.fincafacil.local.PlatformSettings;
import com.fincafacil.local.artifact.ArtifactStore;
import com.fincafacil.platform.FreePorts;
import com.fincafacil.platform.OperatorTokens;
import io.vertx.core.json.JsonObject;
import com.fincafacil.flags.domain.SemVer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./fincafacil drill}: the seed's "rollback script tested", run for real. Farm apps write
 * through the entry the whole time; a new version label of the current build with an extra expand
 * migration goes through the real release flow; a fault is injected into its slot; the analysis
 * must roll it back; then every acknowledged write must be stored and published exactly once.
 * By default on a scratch platform (its own home and free ports, removed afterwards), so its
 * migration never reaches a real farm database; {@code --here} runs it on the platform that is up.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Go-live drill: a release with a fault injected into its new slot, rolled back by the analysis, "
                + "while farm apps write; checks that no acknowledged write was lost and the rollback met its targets.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every check passed", "1:a write was lost or duplicated, or a target was missed",
                "2:bad usage", "3:the drill could not run (the platform or the release failed before the fault)"})
public class DrillCommand implements Callable<Integer> {

    static final List<String> FAULTS = List.of("error-rate", "freeze", "revenue", "latency");
    /** The promise: traffic back within 10 s of the first failing check. */
    static final long ROLLBACK_TARGET_MS = 10_000;

    @Option(names = "--here", description = "Run on the platform that is up (FINCAFACIL_HOME) instead of a scratch one. "
            + "Its extra migration stays in that farm database.")
    boolean here;

    @Option(names = "--fault", defaultValue = "error-rate", description = "error-rate (all 503), freeze (the slot's process "
            + "stopped), revenue (sales refused, 422), latency (10 %% of requests +800 ms). Default: ${DEFAULT-VALUE}.")
    String fault;

    @Option(names = "--concurrency", defaultValue = "4", description = "Farm apps writing at once (1-50). Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--rate", defaultValue = "10", description = "Animals each app registers, weighs and sells per second (1-100). "
            + "Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--crash-release-service", description = "Also kill release-service (SIGKILL) at each step of the release, "
            + "the analysis included; the platform starts it again and the release must resume. Needs faults allowed.")
    boolean crashReleaseService;

    @Option(names = "--timeout-seconds", defaultValue = "600", description = "The longest the drill may take. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (!FAULTS.contains(fault) || concurrency < 1 || concurrency > 50 || rate < 1 || rate > 100) {
            out.println("--fault must be one of " + FAULTS + ", --concurrency 1-50, --rate 1-100.");
            return 2;
        }
        PlatformLayout home = PlatformLayout.fromEnvironment();
        Instant started = Instant.now();
        DrillReport report;
        if (here) {
            if (!isUp(home)) {
                out.println("The platform is not up (./fincafacil up --allow-faults), or run the drill in a scratch home without --here.");
                return 3;
            }
            String token = OperatorTokens.inDirectory(home.keys()).mint("go-live-drill", "operator", Duration.ofHours(2));
            report = run(home, token, started);
        } else {
            try (Scratch scratch = Scratch.start(home.root(), out)) {
                report = run(scratch.layout, scratch.platform.tokens().mint("go-live-drill", "operator", Duration.ofHours(2)), started);
            }
        }
        report.print(out);
        record(home, report);
        return report.exitCode();
    }

    private DrillReport run(PlatformLayout layout, String token, Instant started) throws Exception {
        DrillRun run = new DrillRun(layout, token, out, Duration.ofSeconds(timeoutSeconds));
        return run.drill(fault, concurrency, rate, crashReleaseService, started);
    }

    /** The report into {@code FINCAFACIL_HOME/drills/}, and to release-service if the platform there is up (the release gate reads it). */
    private void record(PlatformLayout home, DrillReport report) {
        try {
            Path dir = Files.createDirectories(home.home().resolve("drills"));
            Path file = dir.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("UTC")).format(report.startedAt()) + ".json");
            Files.writeString(file, report.toJson().encodePrettily());
            out.println("Report written to " + file);
        } catch (IOException e) {
            out.println("The report could not be written: " + e.getMessage());
        }
        if (!isUp(home)) {
            out.println("Not recorded in release-service: the platform at " + home.home() + " is not up (the last_drill gate reads recorded drills).");
            return;
        }
        try {
            String token = OperatorTokens.inDirectory(home.keys()).mint("go-live-drill", "operator", Duration.ofMinutes(5));
            DrillHttp http = new DrillHttp("http://127.0.0.1:" + home.settings().port("release-service"), token);
            JsonObject recorded = http.post("/api/v1/drills", report.toRecord());
            out.println("Recorded in release-service as drill " + recorded.getString("id") + " (release gate last_drill).");
        } catch (Exception e) {
            out.println("Not recorded in release-service: " + e.getMessage());
        }
    }

    private static boolean isUp(PlatformLayout layout) {
        try {
            return new DrillHttp("http://127.0.0.1:" + layout.settings().port("control"), null).reachable();
        } catch (Exception e) {
            return false;
        }
    }

    /** A platform of its own: a temporary home, free ports, fault injection allowed, a changelog the drill writes. */
    static final class Scratch implements AutoCloseable {
        final PlatformLayout layout;
        final LocalPlatform platform;

        private Scratch(PlatformLayout layout, LocalPlatform platform) {
            this.layout = layout;
            this.platform = platform;
        }

        static Scratch start(Path root, PrintStream out) throws Exception {
            Path home = Files.createTempDirectory("fincafacil-drill-");
            Map<String, String> overrides = new HashMap<>();
            for (String port : List.of("traffic", "entry-admin", "control", "flags-service", "release-service", "incident-service",
                    "slot.blue", "slot.green", "postgres", "kafka", "kafka-controller")) {
                overrides.put("port." + port, Integer.toString(FreePorts.next()));
            }
            overrides.put("release.changelog-file", home.resolve("CHANGELOG.md").toString());
            PlatformLayout layout = new PlatformLayout(root, home, PlatformSettings.fromEnvironment(root).with(overrides));
            out.println("Starting a scratch platform in " + home + " (log: " + home.resolve("drill-platform.log") + ")");
            PrintStream log = new PrintStream(Files.newOutputStream(home.resolve("drill-platform.log")), true);
            LocalPlatform platform = new LocalPlatform(layout, log, true);
            Scratch scratch = new Scratch(layout, platform);
            try {
                platform.start();
                if (!platform.awaitReady(Duration.ofMinutes(4).toMillis())) {
                    throw new IllegalStateException("the scratch platform did not become ready; see " + home.resolve("drill-platform.log"));
                }
            } catch (Exception e) {
                scratch.close();
                throw e;
            }
            return scratch;
        }

        @Override
        public void close() {
            platform.close();
            try (Stream<Path> files = Files.walk(layout.home())) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary directory is harmless
            }
        }
    }

    static String nextVersion(String running, ArtifactStore artifacts) throws IOException {
        SemVer next = SemVer.parse(running).map(SemVer::nextPatch).orElse(SemVer.of("1.0.0"));
        while (artifacts.find(next.toString()).isPresent()) {
            next = next.nextPatch();
        }
        return next.toString();
    }
}

package com.fincafacil.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Starts everything, prints the URLs when ready, and stops everything on Ctrl-C or {@code down}. */
@Command(name = "up", description = "Start PostgreSQL, Kafka, the services, the farm slots, the traffic entry and the control API.")
class UpCommand implements Callable<Integer> {

    @Option(names = "--timeout-seconds", defaultValue = "180", description = "How long to wait for readiness.")
    int timeoutSeconds;

    @Option(names = "--allow-faults", description = "Let operators inject faults into farm traffic and freeze slots "
            + "(./fincafacil faults). Off by default.")
    boolean allowFaults;

    @Override
    public Integer call() throws Exception {
        PlatformLayout layout = PlatformLayout.fromEnvironment();
        if (PidFile.runningPid(layout).isPresent()) {
            System.out.println("The platform is already running (pid " + PidFile.runningPid(layout).get()
                    + "). Use ./fincafacil status or ./fincafacil down.");
            return 1;
        }
        List<String> needed = new ArrayList<>(layout.settings().services());
        needed.add(PlatformLayout.FARM_SERVICE);
        for (String service : needed) {
            if (!Files.exists(layout.serviceApp(service).resolve("quarkus-run.jar"))) {
                System.out.println(service + " is not built: run ./mvnw package -DskipTests (./fincafacil does it for you).");
                return 1;
            }
        }
        System.out.println("Starting FincaFácil (data in " + layout.home() + ")");
        LocalPlatform platform = new LocalPlatform(layout, System.out, allowFaults);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping FincaFácil…");
            platform.close();
            PidFile.delete(layout);
            System.out.println("Stopped.");
            stopped.countDown();
        }, "platform-stop"));
        PidFile.write(layout, ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        try {
            platform.start();
        } catch (Exception e) {
            System.out.println("The platform could not start: " + e.getMessage() + "\nLogs are in " + layout.logs());
            return 1;
        }
        if (!platform.awaitReady(timeoutSeconds * 1000L)) {
            System.out.println("Not every service became ready; logs are in " + layout.logs());
            return 1;
        }
        printUrls(layout, platform, (System.nanoTime() - t0) / 1_000_000);
        if (allowFaults) {
            System.out.println("Fault injection is ALLOWED: ./fincafacil faults add … | faults | faults clear");
        }
        stopped.await();
        return 0;
    }

    private static void printUrls(PlatformLayout layout, LocalPlatform platform, long millis) {
        PlatformSettings s = layout.settings();
        var traffic = platform.slots().traffic();
        System.out.printf("%nFincaFácil is up (%.1f s).%n", millis / 1000.0);
        System.out.printf("  %-18s http://127.0.0.1:%d  (farm apps; slot %s, %s)%n", "traffic entry", s.port("traffic"),
                traffic.getString("activeSlot"), traffic.getString("version"));
        for (String slot : PlatformLayout.SLOTS) {
            System.out.printf("  %-18s %s%n", "farm slot " + slot, layout.slotUrl(slot));
        }
        for (PlatformLayout.ServiceSpec spec : layout.services()) {
            System.out.printf("  %-18s %s  (docs: %s/q/swagger-ui)%n", spec.name(), spec.url(), spec.url());
        }
        System.out.printf("  %-18s http://127.0.0.1:%d/api/v1  (./fincafacil slots | switch | migrate)%n", "control API", s.port("control"));
        System.out.printf("  %-18s http://127.0.0.1:%d/metrics%n", "entry metrics", s.port("entry-admin"));
        System.out.printf("  %-18s jdbc:postgresql://127.0.0.1:%d (user postgres)%n", "postgres", s.port("postgres"));
        System.out.printf("  %-18s 127.0.0.1:%d%n", "kafka", s.port("kafka"));
        System.out.println(consoleLine(s));
        System.out.println("Operator token: ./fincafacil token --role operator   Stop: Ctrl-C or ./fincafacil down");
    }

    /** Where the operator console is and how to sign in to it (the address alone answers "please sign in"). */
    static String consoleLine(PlatformSettings s) {
        return String.format("  %-18s http://127.0.0.1:%d/console  (sign in: ./fincafacil console)", "operator console",
                s.port("release-service"));
    }
}

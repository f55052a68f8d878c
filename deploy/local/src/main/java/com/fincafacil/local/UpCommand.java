package com.fincafacil.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Starts everything, prints the URLs when ready, and stops everything on Ctrl-C or {@code down}. */
@Command(name = "up", description = "Start PostgreSQL, Kafka, the four services and the traffic entry.")
class UpCommand implements Callable<Integer> {

    @Option(names = "--timeout-seconds", defaultValue = "120", description = "How long to wait for readiness.")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PlatformLayout layout = PlatformLayout.fromEnvironment();
        if (PidFile.runningPid(layout).isPresent()) {
            System.out.println("The platform is already running (pid " + PidFile.runningPid(layout).get()
                    + "). Use ./fincafacil status or ./fincafacil down.");
            return 1;
        }
        for (PlatformLayout.ServiceSpec spec : PlatformLayout.SERVICES) {
            if (!Files.exists(layout.serviceApp(spec))) {
                System.out.println(spec.name() + " is not built: run ./mvnw package -DskipTests (./fincafacil does it for you).");
                return 1;
            }
        }
        System.out.println("Starting FincaFácil (data in " + layout.home() + ")");
        LocalPlatform platform = new LocalPlatform(layout, System.out);
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
        platform.start();
        if (!platform.awaitReady(timeoutSeconds * 1000L)) {
            System.out.println("Not every service became ready; logs are in " + layout.logs());
            return 1;
        }
        printUrls(layout, (System.nanoTime() - t0) / 1_000_000);
        stopped.await();
        return 0;
    }

    private static void printUrls(PlatformLayout layout, long millis) {
        System.out.printf("%nFincaFácil is up (%.1f s).%n", millis / 1000.0);
        System.out.printf("  %-18s http://127.0.0.1:%d  (farm apps; slot blue on 8090)%n", "traffic entry", PlatformLayout.TRAFFIC_PORT);
        for (PlatformLayout.ServiceSpec spec : PlatformLayout.SERVICES) {
            System.out.printf("  %-18s %s  (docs: %s/q/swagger-ui)%n", spec.name(), spec.url(), spec.url());
        }
        System.out.printf("  %-18s jdbc:postgresql://127.0.0.1:%d (user postgres)%n", "postgres", PlatformLayout.POSTGRES_PORT);
        System.out.printf("  %-18s 127.0.0.1:%d%n", "kafka", PlatformLayout.KAFKA_PORT);
        System.out.println("Operator token: ./fincafacil token --role operator   Stop: Ctrl-C or ./fincafacil down");
    }
}

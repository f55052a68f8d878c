package com.fincafacil.local;

import com.fincafacil.platform.FreePorts;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Shows each component up or down; exits 0 only when everything is up. */
@Command(name = "status", description = "Show each component up or down.")
class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        PlatformLayout layout = PlatformLayout.fromEnvironment();
        boolean allUp = line("launcher", PidFile.runningPid(layout).isPresent(),
                PidFile.runningPid(layout).map(pid -> "pid " + pid).orElse(""));
        allUp &= line("postgres", FreePorts.isListening(PlatformLayout.POSTGRES_PORT), "port " + PlatformLayout.POSTGRES_PORT);
        allUp &= line("kafka", FreePorts.isListening(PlatformLayout.KAFKA_PORT), "port " + PlatformLayout.KAFKA_PORT);
        for (PlatformLayout.ServiceSpec spec : PlatformLayout.SERVICES) {
            allUp &= line(spec.name(), ServiceProcess.isReady(spec.url()), spec.url());
        }
        allUp &= line("traffic entry", ServiceProcess.isReady("http://127.0.0.1:" + PlatformLayout.TRAFFIC_PORT),
                "http://127.0.0.1:" + PlatformLayout.TRAFFIC_PORT);
        return allUp ? 0 : 1;
    }

    private static boolean line(String component, boolean up, String where) {
        System.out.printf("%-18s %-5s %s%n", component, up ? "UP" : "DOWN", where);
        return up;
    }
}

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
        PlatformSettings s = layout.settings();
        boolean allUp = line("launcher", PidFile.runningPid(layout).isPresent(),
                PidFile.runningPid(layout).map(pid -> "pid " + pid).orElse(""));
        allUp &= line("postgres", FreePorts.isListening(s.port("postgres")), "port " + s.port("postgres"));
        allUp &= line("kafka", FreePorts.isListening(s.port("kafka")), "port " + s.port("kafka"));
        for (PlatformLayout.ServiceSpec spec : layout.services()) {
            allUp &= line(spec.name(), ServiceProcess.isReady(spec.url()), spec.url());
        }
        allUp &= line("control API", FreePorts.isListening(s.port("control")), "http://127.0.0.1:" + s.port("control") + "/api/v1");
        allUp &= line("traffic entry", ServiceProcess.isReady("http://127.0.0.1:" + s.port("traffic")),
                "http://127.0.0.1:" + s.port("traffic") + " (the active slot answers through it)");
        for (String slot : PlatformLayout.SLOTS) {
            // an idle slot may well be stopped: it is shown, but does not make the platform "down"
            boolean ready = ServiceProcess.isReady(layout.slotUrl(slot));
            System.out.printf("%-18s %-5s %s%n", "farm slot " + slot, ready ? "UP" : "-", layout.slotUrl(slot));
        }
        return allUp ? 0 : 1;
    }

    private static boolean line(String component, boolean up, String where) {
        System.out.printf("%-18s %-5s %s%n", component, up ? "UP" : "DOWN", where);
        return up;
    }
}

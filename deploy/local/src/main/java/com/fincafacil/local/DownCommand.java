package com.fincafacil.local;

import picocli.CommandLine.Command;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Stops a running platform the way Ctrl-C does: SIGTERM to the launcher, which stops its children. */
@Command(name = "down", description = "Stop everything that ./fincafacil up started.")
class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        PlatformLayout layout = PlatformLayout.fromEnvironment();
        Optional<ProcessHandle> launcher = PidFile.runningPid(layout).flatMap(ProcessHandle::of);
        if (launcher.isEmpty()) {
            System.out.println("The platform is not running.");
            return 0;
        }
        ProcessHandle process = launcher.get();
        var children = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println("The launcher did not stop within 90 s; stopping its processes by force.");
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        System.out.println("Stopped.");
        return 0;
    }
}

package com.fincafacil.local;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/** The running platform's launcher pid, so {@code down} and {@code status} can find it. */
final class PidFile {

    private PidFile() {
    }

    static void write(PlatformLayout layout, long pid) throws IOException {
        Files.createDirectories(layout.home());
        Files.writeString(layout.pidFile(), Long.toString(pid));
    }

    static Optional<Long> runningPid(PlatformLayout layout) {
        try {
            long pid = Long.parseLong(Files.readString(layout.pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void delete(PlatformLayout layout) {
        try {
            Files.deleteIfExists(layout.pidFile());
        } catch (IOException e) {
            // a stale pid file is harmless: runningPid checks the process is alive
        }
    }
}

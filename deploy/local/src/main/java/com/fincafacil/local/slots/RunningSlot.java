package com.fincafacil.local.slots;

import com.fincafacil.local.ServiceProcess;

import java.time.Instant;

/** A slot's process and what the launcher knows of it; the watcher marks it crashed once. */
final class RunningSlot {

    final String slot;
    final String version;
    final String sha256;
    final ServiceProcess process;
    final int restarts;
    volatile boolean stopping;
    volatile boolean startFailed;
    volatile Instant crashedAt;

    RunningSlot(String slot, String version, String sha256, ServiceProcess process, int restarts) {
        this.slot = slot;
        this.version = version;
        this.sha256 = sha256;
        this.process = process;
        this.restarts = restarts;
    }

    boolean crashed() {
        return crashedAt != null;
    }
}

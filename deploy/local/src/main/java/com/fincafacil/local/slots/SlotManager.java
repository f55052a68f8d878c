package com.fincafacil.local.slots;

import com.fincafacil.local.PlatformLayout;
import com.fincafacil.local.ServiceProcess;
import com.fincafacil.local.artifact.Artifact;
import com.fincafacil.local.artifact.ArtifactStore;
import com.fincafacil.local.entry.EntryProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The two farm slots and the switch in front of them: the verbs the control API serves, each
 * idempotent, one at a time. A crashed slot is reported once and left down, never restarted in a
 * loop. The state that must survive a restart is in {@link SlotState}.
 */
public final class SlotManager implements AutoCloseable {

    private static final int LOG_LINES = 40;

    private final PlatformLayout layout;
    private final ArtifactStore artifacts;
    private final FarmProcesses farm;
    private final EntryProcess entry;
    private final SlotState state;
    private final PrintStream out;
    private final SlotFreezer freezer;
    private final Map<String, RunningSlot> running = new ConcurrentHashMap<>();
    private final ReentrantLock oneVerbAtATime = new ReentrantLock();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slot-watcher");
        t.setDaemon(true);
        return t;
    });

    public SlotManager(PlatformLayout layout, ArtifactStore artifacts, FarmProcesses farm, EntryProcess entry,
                       PrintStream out) throws IOException {
        this.layout = layout;
        this.artifacts = artifacts;
        this.farm = farm;
        this.entry = entry;
        this.state = SlotState.load(layout.slotsFile());
        this.out = out;
        this.freezer = new SlotFreezer(out);
        watcher.scheduleWithFixedDelay(this::reportCrashes, 1, 1, TimeUnit.SECONDS);
    }

    /** The active slot recorded by the last run (blue on a new home). */
    public static String recordedActive(PlatformLayout layout) throws IOException {
        return SlotState.load(layout.slotsFile()).active().orElse("blue");
    }

    public boolean isNewHome() {
        return state.isEmpty();
    }

    public JsonArray list() {
        JsonArray all = new JsonArray();
        PlatformLayout.SLOTS.forEach(slot -> all.add(view(slot)));
        return all;
    }

    public JsonObject get(String slot) throws Refusal {
        return view(known(slot));
    }

    /** Runs {@code version} in {@code slot} and waits until it is ready; a no-op if it already is. */
    public JsonObject deploy(String slot, String version) throws Refusal, IOException, InterruptedException {
        known(slot);
        Artifact artifact = artifacts.find(version)
                .orElseThrow(() -> Refusal.notFound("version", "unknown_version", "No stored artifact " + version + "."));
        oneVerbAtATime.lock();
        try {
            if (slot.equals(state.active().orElse(null))) {
                throw Refusal.conflict("slot_active", "Slot " + slot + " takes the traffic; deploy to the idle slot.", view(slot));
            }
            RunningSlot current = running.get(slot);
            if (current != null && current.version.equals(version) && current.process.isAlive()
                    && ServiceProcess.isReady(layout.slotUrl(slot))) {
                return view(slot);
            }
            if (current != null) {
                stopProcess(current);
            }
            return start(slot, artifact, restartsFor(slot, version));
        } finally {
            oneVerbAtATime.unlock();
        }
    }

    /** Drains and stops {@code slot}; a no-op when it is not running. The active slot is refused. */
    public JsonObject stop(String slot) throws Refusal, IOException {
        known(slot);
        oneVerbAtATime.lock();
        try {
            if (slot.equals(state.active().orElse(null))) {
                throw Refusal.conflict("slot_active", "Slot " + slot + " takes the traffic; switch away from it first.", view(slot));
            }
            RunningSlot current = running.get(slot);
            if (current != null) {
                stopProcess(current);
            }
            state.setDeployed(slot, null);
            return view(slot);
        } finally {
            oneVerbAtATime.unlock();
        }
    }

    /** Sends new farm traffic to {@code slot}; refused unless it answers ready now. */
    public JsonObject switchTo(String slot) throws Refusal, IOException, InterruptedException {
        known(slot);
        oneVerbAtATime.lock();
        try {
            RunningSlot target = running.get(slot);
            if (target == null || !target.process.isAlive() || !ServiceProcess.isReady(layout.slotUrl(slot))) {
                throw Refusal.conflict("slot_not_ready", "Slot " + slot + " is not ready; deploy to it first.", traffic());
            }
            String previous = state.active().orElse(null);
            if (!slot.equals(previous)) {
                // recorded first, so a launcher that dies mid-switch comes back on the slot it was switching to
                state.setActive(slot);
                try {
                    entry.switchTo(slot);
                } catch (IOException e) {
                    state.setActive(previous);
                    throw e;
                }
                out.printf("  traffic    now on slot %s (%s)%n", slot, target.version);
            }
            return traffic();
        } finally {
            oneVerbAtATime.unlock();
        }
    }

    public JsonObject traffic() {
        String active = state.active().orElse(null);
        RunningSlot slot = active == null ? null : running.get(active);
        return new JsonObject().put("activeSlot", active)
                .put("port", active == null ? null : layout.settings().slotPort(active))
                .put("version", slot == null ? null : slot.version)
                .put("ready", active != null && slot != null && slot.process.isAlive() && ServiceProcess.isReady(layout.slotUrl(active)));
    }

    /** Brings back what the last run had: each recorded version in its slot, the same one active. */
    public void restore() throws IOException, InterruptedException {
        oneVerbAtATime.lock();
        try {
            for (var deployed : state.allDeployed().entrySet()) {
                String slot = deployed.getKey();
                String version = deployed.getValue().version();
                try {
                    Artifact artifact = artifacts.find(version).orElseThrow(() -> Refusal.notFound("version", "unknown_version",
                            "Slot " + slot + " ran " + version + ", which is no longer in the artifact store."));
                    start(slot, artifact, deployed.getValue().restarts() + 1);
                } catch (Refusal e) {
                    out.printf("  slot %-5s %s did not come back: %s%n", slot, version, e.getMessage());
                }
            }
        } finally {
            oneVerbAtATime.unlock();
        }
    }

    /** Freezes {@code slot}'s process for {@code duration} (fault injection); 409 if it runs none. */
    public JsonObject freeze(String slot, Duration duration) throws Refusal, IOException {
        RunningSlot r = running.get(known(slot));
        if (r == null || !r.process.isAlive() || r.stopping) {
            throw Refusal.conflict("slot_not_running", "Slot " + slot + " runs no process to freeze.", view(slot));
        }
        return freezer.freeze(slot, r.process.pid(), duration);
    }

    public SlotFreezer freezes() {
        return freezer;
    }

    /** The first install's last step: blue becomes the active slot. */
    public void activateFirst(String slot) throws IOException {
        state.setActive(slot);
    }

    private JsonObject start(String slot, Artifact artifact, int restarts) throws Refusal, IOException, InterruptedException {
        long t0 = System.nanoTime();
        ServiceProcess process = farm.startSlot(slot, artifact.version(), artifacts.appDirectory(artifact),
                artifacts.extraMigrations(artifact));
        RunningSlot started = new RunningSlot(slot, artifact.version(), artifact.sha256(), process, restarts);
        running.put(slot, started);
        state.setDeployed(slot, new SlotState.Deployed(artifact.version(), restarts));
        Duration timeout = layout.settings().seconds("slot.ready-timeout-seconds");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                started.crashedAt = Instant.now();
                started.startFailed = true;
                state.setDeployed(slot, null);
                throw failure(500, "slot_failed", "Slot " + slot + " (" + artifact.version() + ") exited with code "
                        + process.exitCode() + " before it was ready.", started);
            }
            if (ServiceProcess.isReady(layout.slotUrl(slot))) {
                out.printf("  slot %-5s %s ready on %s (%d ms)%n", slot, artifact.version(), layout.slotUrl(slot),
                        (System.nanoTime() - t0) / 1_000_000);
                return view(slot);
            }
            Thread.sleep(200);
        }
        started.stopping = true;
        started.startFailed = true;
        process.stop(Duration.ofSeconds(5));
        state.setDeployed(slot, null);
        throw failure(504, "slot_timeout", "Slot " + slot + " (" + artifact.version() + ") was not ready within "
                + timeout.toSeconds() + " s; it was stopped.", started);
    }

    private Refusal failure(int status, String code, String message, RunningSlot slot) {
        JsonObject details = view(slot.slot).put("log", new JsonArray(slot.process.logTail(LOG_LINES)));
        return new Refusal(status, code, message, details);
    }

    /** Waits for the entry to finish the slot's requests in flight, then SIGTERM, then a kill. */
    private void stopProcess(RunningSlot slot) {
        slot.stopping = true;
        freezer.thawSlot(slot.slot);
        long deadline = System.nanoTime() + layout.settings().seconds("slot.drain-timeout-seconds").toNanos();
        try {
            while (slot.process.isAlive() && entry.inFlight(slot.slot) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (IOException e) {
            out.printf("  slot %-5s could not ask the entry what is in flight (%s); stopping anyway%n", slot.slot, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        slot.process.stop(layout.settings().seconds("slot.stop-timeout-seconds"));
        running.remove(slot.slot, slot);
    }

    private int restartsFor(String slot, String version) {
        return state.deployed(slot).filter(d -> d.version().equals(version)).map(d -> d.restarts() + 1).orElse(0);
    }

    private JsonObject view(String slot) {
        RunningSlot r = running.get(slot);
        JsonObject v = new JsonObject().put("name", slot).put("port", layout.settings().slotPort(slot))
                .put("url", layout.slotUrl(slot)).put("active", slot.equals(state.active().orElse(null)));
        if (r == null) {
            return v.put("state", "stopped").put("ready", false);
        }
        boolean alive = r.process.isAlive();
        v.put("version", r.version).put("sha256", r.sha256).put("pid", r.process.pid())
                .put("startedAt", r.process.startedAt().toString()).put("restarts", r.restarts)
                .put("logFile", r.process.log().toString());
        if (!alive) {
            return v.put("state", r.startFailed ? "failed" : "crashed").put("ready", false).put("exitCode", r.process.exitCode())
                    .put("crashedAt", r.crashedAt == null ? null : r.crashedAt.toString());
        }
        if (freezer.isFrozen(slot)) {
            return v.put("state", "frozen").put("ready", false);
        }
        boolean ready = ServiceProcess.isReady(layout.slotUrl(slot));
        return v.put("state", ready ? "running" : "starting").put("ready", ready);
    }

    private String known(String slot) throws Refusal {
        if (!PlatformLayout.SLOTS.contains(slot)) {
            throw Refusal.notFound("slot", "unknown_slot", "No slot '" + slot + "'; the slots are " + PlatformLayout.SLOTS + ".");
        }
        return slot;
    }

    private void reportCrashes() {
        for (RunningSlot r : running.values()) {
            if (!r.process.isAlive() && !r.stopping && !r.crashed()) {
                r.crashedAt = Instant.now();
                out.printf("  slot %-5s %s exited with code %s; it stays down (see %s)%n",
                        r.slot, r.version, r.process.exitCode(), r.process.log());
            }
        }
    }

    @Override
    public void close() {
        freezer.close(); // a frozen process would take no SIGTERM
        watcher.shutdownNow();
        running.values().forEach(r -> r.stopping = true);
        running.values().forEach(r -> r.process.signalStop());
        running.values().forEach(r -> r.process.stop(layout.settings().seconds("slot.stop-timeout-seconds")));
    }
}

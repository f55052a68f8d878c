package com.fincafacil.local.slots;

import com.fincafacil.local.faults.Fault;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Freezes a slot's process ({@code kill -STOP}) and thaws it ({@code kill -CONT}) at the expiry or
 * when asked: a slot that hangs without crashing, as a JVM in a long pause would. Its port still
 * accepts connections but nothing answers. One freeze per slot; a slot is thawed before it is
 * stopped, so that SIGTERM reaches a process that runs.
 */
public final class SlotFreezer implements AutoCloseable {

    private record Freeze(String id, String slot, long pid, Instant createdAt, Instant expiresAt, ScheduledFuture<?> expiry) {
        JsonObject toJson() {
            return new JsonObject().put("id", id).put("kind", "freeze").put("slot", slot).put("pid", pid)
                    .put("createdAt", createdAt.toString()).put("expiresAt", expiresAt.toString());
        }
    }

    private final Map<String, Freeze> bySlot = new ConcurrentHashMap<>();
    private final PrintStream out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slot-thaw");
        t.setDaemon(true);
        return t;
    });

    public SlotFreezer(PrintStream out) {
        this.out = out;
    }

    /** Stops process {@code pid} of {@code slot} for {@code duration}; 409 if the slot is frozen already. */
    public synchronized JsonObject freeze(String slot, long pid, Duration duration) throws Refusal, IOException {
        Freeze existing = bySlot.get(slot);
        if (existing != null) {
            throw Refusal.conflict("slot_frozen", "Slot " + slot + " is frozen already, until " + existing.expiresAt()
                    + "; thaw it first (./fincafacil faults clear " + existing.id() + ").", existing.toJson());
        }
        signal("STOP", pid);
        String id = Fault.newId();
        Instant now = Instant.now();
        ScheduledFuture<?> expiry = timer.schedule(() -> thaw(id), duration.toMillis(), TimeUnit.MILLISECONDS);
        Freeze freeze = new Freeze(id, slot, pid, now, now.plus(duration), expiry);
        bySlot.put(slot, freeze);
        out.printf("  slot %-5s frozen (pid %d) until %s%n", slot, pid, freeze.expiresAt());
        return freeze.toJson();
    }

    /** Thaws the freeze {@code id} now; empty when there is none. */
    public synchronized Optional<JsonObject> thaw(String id) {
        return bySlot.values().stream().filter(f -> f.id().equals(id)).findFirst().map(this::thaw);
    }

    /** Thaws {@code slot} if it is frozen (before it is stopped). */
    public synchronized void thawSlot(String slot) {
        Optional.ofNullable(bySlot.get(slot)).ifPresent(this::thaw);
    }

    public synchronized List<JsonObject> thawAll() {
        return List.copyOf(bySlot.values()).stream().map(this::thaw).toList();
    }

    public List<JsonObject> list() {
        List<Freeze> all = new ArrayList<>(bySlot.values());
        all.sort(Comparator.comparing(Freeze::createdAt));
        return all.stream().map(Freeze::toJson).toList();
    }

    public boolean isFrozen(String slot) {
        return bySlot.containsKey(slot);
    }

    private JsonObject thaw(Freeze freeze) {
        bySlot.remove(freeze.slot(), freeze);
        freeze.expiry().cancel(false);
        try {
            signal("CONT", freeze.pid());
            out.printf("  slot %-5s thawed (pid %d)%n", freeze.slot(), freeze.pid());
        } catch (IOException e) {
            // the process is gone (killed while frozen): nothing left to thaw
            out.printf("  slot %-5s could not be thawed: %s%n", freeze.slot(), e.getMessage());
        }
        return freeze.toJson();
    }

    /** {@code kill -<signal> <pid>}; an IOException with kill's own words when it fails. */
    static void signal(String signal, long pid) throws IOException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
        try {
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IOException("kill -" + signal + " " + pid + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending " + signal + " to " + pid);
        }
        if (kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed: "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    /** Thaws every frozen slot, then stops the expiry timer. */
    @Override
    public void close() {
        thawAll();
        timer.shutdownNow();
    }
}

package com.fincafacil.local;

import com.fincafacil.local.faults.Fault;
import com.fincafacil.local.faults.ServiceCrash;
import com.fincafacil.local.slots.Refusal;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts a service again when it dies while the platform is up, as Kubernetes restarts a crashed
 * container: after a pause that doubles with each restart (1 s up to 30 s), and no more than
 * {@link #MAX_RESTARTS} times in {@link #WINDOW}, after which it is left down and said so. A
 * crash injected on purpose (the {@code crash} fault) is started again at once and does not count
 * towards that limit. The services keep their state in PostgreSQL, so a restarted release-service
 * resumes its releases.
 */
final class ServiceSupervisor implements ServiceCrash, AutoCloseable {

    static final int MAX_RESTARTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** Starts one service process; called again for each restart, with the same settings. */
    interface Starter {
        ServiceProcess start() throws IOException;
    }

    private final PrintStream out;
    private final Duration firstPause;
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "service-supervisor");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closing;

    ServiceSupervisor(PrintStream out) {
        this(out, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    /** {@code firstPause} before the first restart (doubled after each); {@code every}: how often processes are checked. */
    ServiceSupervisor(PrintStream out, Duration firstPause, Duration every) {
        this.out = out;
        this.firstPause = firstPause;
        checker.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts {@code name} and watches it from now on. */
    synchronized void start(String name, Starter starter) throws IOException {
        watched.put(name, new Watched(starter, starter.start(), firstPause));
    }

    /** The running processes, in start order (a restarted service's new process). */
    synchronized List<ServiceProcess> processes() {
        return watched.values().stream().map(w -> w.process).toList();
    }

    synchronized Optional<ServiceProcess> process(String name) {
        return Optional.ofNullable(watched.get(name)).map(w -> w.process);
    }

    /** How many times {@code name} was started again since the platform came up. */
    synchronized int restarts(String name) {
        Watched w = watched.get(name);
        return w == null ? 0 : w.restartCount;
    }

    private synchronized void check() {
        if (closing) {
            return;
        }
        Instant now = Instant.now();
        for (Map.Entry<String, Watched> entry : watched.entrySet()) {
            Watched w = entry.getValue();
            if (w.process.isAlive() || w.givenUp || now.isBefore(w.notBefore)) {
                continue;
            }
            if (w.diedAt == null) {
                w.diedAt = now;
                w.notBefore = w.injected ? now : now.plus(w.pause());
                out.printf("  %-16s exited (code %s); starting it again in %d ms (log: %s)%n", entry.getKey(),
                        w.process.exitCode(), Duration.between(now, w.notBefore).toMillis(), w.process.log());
                continue;
            }
            w.recent.removeIf(t -> t.isBefore(now.minus(WINDOW)));
            if (w.recent.size() >= MAX_RESTARTS) {
                w.givenUp = true;
                out.printf("  %-16s started again %d times in %d minutes and exited each time; left down (log: %s)%n", entry.getKey(),
                        MAX_RESTARTS, WINDOW.toMinutes(), w.process.log());
                continue;
            }
            try {
                w.process = w.starter.start();
                if (!w.injected) {
                    w.recent.addLast(now);
                }
                w.injected = false;
                w.restartCount++;
                w.diedAt = null;
                out.printf("  %-16s started again (restart %d)%n", entry.getKey(), w.restartCount);
            } catch (IOException e) {
                w.notBefore = now.plus(w.pause());
                out.printf("  %-16s could not be started again: %s%n", entry.getKey(), e.getMessage());
            }
        }
    }

    @Override
    public synchronized List<String> services() {
        return List.copyOf(watched.keySet());
    }

    @Override
    public synchronized JsonObject crash(String service) throws Refusal {
        Watched w = watched.get(service);
        if (w == null || !w.process.isAlive()) {
            throw Refusal.conflict("service_not_running", "'" + service + "' is not running; it may be starting again already.",
                    new JsonObject().put("service", service));
        }
        long pid = w.process.pid();
        w.injected = true;
        w.process.kill();
        out.printf("  %-16s killed (crash fault, pid %d)%n", service, pid);
        return new JsonObject().put("id", Fault.newId()).put("kind", "crash").put("service", service).put("pid", pid)
                .put("createdAt", Instant.now().toString());
    }

    /** Stops watching, so the platform's own stop is not taken for a crash. */
    @Override
    public void close() {
        closing = true;
        checker.shutdownNow();
    }

    private static final class Watched {
        final Starter starter;
        final Duration firstPause;
        final Deque<Instant> recent = new ArrayDeque<>();
        volatile ServiceProcess process;
        Instant diedAt;
        Instant notBefore = Instant.MIN;
        boolean givenUp;
        boolean injected;
        int restartCount;

        Watched(Starter starter, ServiceProcess process, Duration firstPause) {
            this.starter = starter;
            this.process = process;
            this.firstPause = firstPause;
        }

        /** 1 s, 2 s, 4 s … 30 s (with the default first pause): by how many restarts it had lately. */
        Duration pause() {
            long millis = firstPause.toMillis() << Math.min(recent.size(), 5);
            return Duration.ofMillis(Math.min(millis, LONGEST_PAUSE.toMillis()));
        }
    }
}

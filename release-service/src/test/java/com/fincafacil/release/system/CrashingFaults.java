package com.fincafacil.release.system;

import com.fincafacil.release.domain.ReleaseState;
import com.fincafacil.release.service.RunnerFaults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Kills the release runner once at every point a process could die, when armed: after each step
 * acted but before its state was recorded, and right after it was recorded. The runner's thread
 * dies with an Error the runner does not catch, as a killed process would stop mid-flight.
 */
@Alternative
@ApplicationScoped
public class CrashingFaults extends RunnerFaults {

    /** What a dying process throws: nothing in the runner handles it. */
    static final class Crash extends Error {
        Crash(String point) {
            super("simulated crash " + point);
        }
    }

    private static volatile UUID armedFor;
    private static final Set<String> crashed = ConcurrentHashMap.newKeySet();
    private static final List<String> order = new CopyOnWriteArrayList<>();
    private static final Semaphore crashes = new Semaphore(0);

    static void arm(UUID release) {
        crashed.clear();
        order.clear();
        crashes.drainPermits();
        armedFor = release;
    }

    static void disarm() {
        armedFor = null;
    }

    /** Waits for the next crash; false when none came in time. */
    static boolean awaitCrash(long seconds) throws InterruptedException {
        return crashes.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    static List<String> crashPoints() {
        return List.copyOf(order);
    }

    @Override
    public void acted(UUID release, ReleaseState next) {
        crashOnce(release, "acted:" + next);
    }

    @Override
    public void recorded(UUID release, ReleaseState reached) {
        crashOnce(release, "recorded:" + reached);
    }

    private static volatile UUID watchingArmedFor;

    /** Arms one crash after the next measurement of {@code release}: a process dying while the analysis watches. */
    static void armWhileWatching(UUID release) {
        crashes.drainPermits();
        watchingArmedFor = release;
    }

    @Override
    public void measured(UUID release) {
        if (release.equals(watchingArmedFor)) {
            watchingArmedFor = null;
            crashes.release();
            throw new Crash("measured");
        }
    }

    private static void crashOnce(UUID release, String point) {
        if (release.equals(armedFor) && crashed.add(point)) {
            order.add(point);
            crashes.release();
            throw new Crash(point);
        }
    }
}

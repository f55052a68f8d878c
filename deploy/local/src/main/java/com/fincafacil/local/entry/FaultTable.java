package com.fincafacil.local.entry;

import com.fincafacil.local.faults.Fault;
import com.fincafacil.local.faults.FaultRequest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The faults the entry applies to the requests it sends to each slot. Each fault that matches a
 * request is drawn on its own: the delays drawn add up and are waited first, then the first abort
 * drawn answers instead of the slot (as a service mesh applies a delay, then an abort). A fault
 * is dropped at its expiry: on the next request or listing, whichever comes first.
 */
final class FaultTable {

    /** What to do to one request: wait {@code delayMs}, then answer with {@code abort} if there is one. */
    record Injection(long delayMs, Fault abort, List<Fault> applied) {
        static final Injection NONE = new Injection(0, null, List.of());
    }

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Clock clock;
    private final DoubleSupplier uniform;

    FaultTable() {
        this(Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
    }

    FaultTable(Clock clock, DoubleSupplier uniform) {
        this.clock = clock;
        this.uniform = uniform;
    }

    Fault add(FaultRequest request) {
        Fault fault = Fault.of(request, clock.instant());
        faults.put(fault.id(), fault);
        return fault;
    }

    Optional<Fault> remove(String id) {
        return Optional.ofNullable(faults.remove(id)).filter(f -> !f.expired(clock.instant()));
    }

    List<Fault> clear() {
        List<Fault> removed = list();
        removed.forEach(f -> faults.remove(f.id()));
        return removed;
    }

    /** The faults in force, oldest first. */
    List<Fault> list() {
        dropExpired();
        return faults.values().stream().sorted(Comparator.comparing(Fault::createdAt)).toList();
    }

    Injection draw(String slot, String method, String path) {
        if (faults.isEmpty()) {
            return Injection.NONE;
        }
        dropExpired();
        long delay = 0;
        Fault abort = null;
        List<Fault> applied = new ArrayList<>(2);
        for (Fault fault : faults.values()) {
            if (!fault.slot().equals(slot) || !fault.spec().matches(method, path) || !fault.drawn(uniform.getAsDouble())) {
                continue;
            }
            if (fault.spec().kind() == FaultRequest.Kind.DELAY) {
                delay += fault.spec().delayMs();
                applied.add(fault);
            } else if (abort == null) {
                abort = fault;
                applied.add(fault);
            }
        }
        return applied.isEmpty() ? Injection.NONE : new Injection(delay, abort, applied);
    }

    private void dropExpired() {
        var now = clock.instant();
        faults.values().removeIf(f -> f.expired(now));
    }
}

package com.fincafacil.local.entry;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The farm apps' traffic entry: a reverse proxy (Vert.x http-proxy) in front of the active
 * farm-service slot. A switch changes where new requests go; requests in flight finish on the
 * slot that took them, and the old slot's pooled connections close once it is idle. Faults
 * injected for a slot ({@link FaultTable}) delay or answer the requests sent to it, and are
 * counted like the slot's own answers.
 */
final class TrafficEntry implements AutoCloseable {

    private final Vertx vertx;
    private final Map<String, Integer> slotPorts;
    private final EntryMetrics metrics;
    private final FaultTable faults;
    private final Map<String, SlotRoute> routes = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile SlotRoute active;
    private HttpServer server;

    TrafficEntry(Vertx vertx, Map<String, Integer> slotPorts, String activeSlot, EntryMetrics metrics) {
        this(vertx, slotPorts, activeSlot, metrics, new FaultTable());
    }

    /** {@code faults}: what to do to the requests sent to each slot (see {@link FaultTable}). */
    TrafficEntry(Vertx vertx, Map<String, Integer> slotPorts, String activeSlot, EntryMetrics metrics, FaultTable faults) {
        this.vertx = vertx;
        this.slotPorts = Map.copyOf(slotPorts);
        this.metrics = metrics;
        this.faults = faults;
        this.active = openRoute(activeSlot);
        for (String slot : slotPorts.keySet()) {
            metrics.gauge("fincafacil.entry.in.flight", slot, this, e -> e.inFlight(slot));
            metrics.gauge("fincafacil.entry.active", slot, this, e -> slot.equals(e.activeSlot()) ? 1 : 0);
        }
    }

    void listen(int port) throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)
                        .setSendBufferSize(1 << 20).setReceiveBufferSize(1 << 20))
                .requestHandler(this::forward)
                .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String activeSlot() {
        return active.slot;
    }

    int activePort() {
        return active.port;
    }

    java.util.Set<String> slotNames() {
        return slotPorts.keySet();
    }

    boolean knows(String slot) {
        return slotPorts.containsKey(slot);
    }

    /** Sends new requests to {@code slot}; the previous slot's route retires when idle. */
    synchronized void switchTo(String slot) {
        if (slot.equals(active.slot)) {
            return;
        }
        SlotRoute previous = active;
        active = openRoute(slot);
        previous.retire();
    }

    int inFlight(String slot) {
        SlotRoute route = routes.get(slot);
        return route == null ? 0 : route.inFlight();
    }

    private SlotRoute openRoute(String slot) {
        Integer port = slotPorts.get(slot);
        if (port == null) {
            throw new IllegalArgumentException("unknown slot " + slot);
        }
        // a retired route whose pool closed is replaced; one still draining is reused
        return routes.compute(slot, (s, existing) ->
                existing != null && existing.reactivate() ? existing : new SlotRoute(vertx, s, port));
    }

    private void forward(HttpServerRequest request) {
        SlotRoute route = active;
        while (!route.enter()) {
            route = active;
        }
        SlotRoute taken = route;
        long start = System.nanoTime();
        AtomicBoolean done = new AtomicBoolean();
        Runnable finish = () -> {
            if (done.compareAndSet(false, true)) {
                taken.leave();
                metrics.record(taken.slot, request.response().getStatusCode(), System.nanoTime() - start);
            }
        };
        request.response().endHandler(v -> finish.run());
        request.response().closeHandler(v -> finish.run());
        FaultTable.Injection injection = faults.draw(taken.slot, request.method().name(),
                request.path() == null ? "" : request.path());
        injection.applied().forEach(f -> metrics.injected(taken.slot, f.spec().kind().json()));
        if (injection.delayMs() > 0) {
            // held, body and all, until the delay is over; the proxy resumes it when it relays
            request.pause();
            vertx.setTimer(injection.delayMs(), t -> pass(request, taken, injection));
        } else {
            pass(request, taken, injection);
        }
    }

    /** To the slot, or the injected answer instead; nothing if the client gave up during a delay. */
    private void pass(HttpServerRequest request, SlotRoute taken, FaultTable.Injection injection) {
        if (request.response().closed()) {
            return;
        }
        if (injection.abort() != null) {
            InjectedAbort.answer(request, injection.abort());
        } else {
            markForwarded(request);
            taken.proxy.handle(request);
        }
    }

    /**
     * Tells the slot which address the client used, so the Location headers it builds name the
     * entry (which outlives any slot) and not the slot's own port. The entry is the edge: what a
     * client sent in these headers is replaced, never trusted.
     */
    static void markForwarded(HttpServerRequest request) {
        MultiMap headers = request.headers();
        headers.remove("Forwarded");
        headers.remove("X-Forwarded-Prefix");
        String host = request.authority() != null ? request.authority().toString() : headers.get("Host");
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        } else {
            headers.remove("X-Forwarded-Host");
        }
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.remoteAddress() != null) {
            headers.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        }
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }
}

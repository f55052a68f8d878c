package com.fincafacil.local.entry;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.httpproxy.HttpProxy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The way to one slot: its own connection pool and proxy, and a count of requests in flight.
 * Once the slot is no longer active and its last request has finished, the pool is closed, so
 * keep-alive connections to the old slot end after their current request. A closed route is
 * marked by a negative count, which a request that picked it up too late sees and moves on.
 */
final class SlotRoute {

    private static final int CLOSED = Integer.MIN_VALUE / 2;

    final String slot;
    final int port;
    private final HttpClient client;
    final HttpProxy proxy;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean retired;

    SlotRoute(Vertx vertx, String slot, int port) {
        this.slot = slot;
        this.port = port;
        // large socket buffers: a farm app's CSV upload is megabytes, and small buffers make the relay crawl
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setTcpNoDelay(true).setSendBufferSize(1 << 20).setReceiveBufferSize(1 << 20));
        this.proxy = HttpProxy.reverseProxy(client).origin(port, "127.0.0.1");
    }

    /** Counts a request in; false when the route was closed meanwhile (pick the active one again). */
    boolean enter() {
        return inFlight.incrementAndGet() > 0;
    }

    void leave() {
        if (inFlight.decrementAndGet() == 0 && retired) {
            closeIfIdle();
        }
    }

    int inFlight() {
        return Math.max(0, inFlight.get());
    }

    boolean isClosed() {
        return inFlight.get() < 0;
    }

    /** No new requests come here any more; close the pool as soon as the last one finished. */
    void retire() {
        retired = true;
        closeIfIdle();
    }

    /** Active again before its pool closed: keep it; false if it closed already. */
    boolean reactivate() {
        retired = false;
        return !isClosed();
    }

    private void closeIfIdle() {
        if (inFlight.compareAndSet(0, CLOSED)) {
            client.close();
        }
    }
}

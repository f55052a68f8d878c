package com.fincafacil.local;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.httpproxy.HttpProxy;

import java.util.concurrent.TimeUnit;

/**
 * The farm apps' traffic entry: a reverse proxy (Vert.x http-proxy) in front of the active
 * farm-service slot. Switching slots changes where new requests go, with no restart.
 */
final class TrafficEntry implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;
    private volatile int activeSlotPort;

    private TrafficEntry(Vertx vertx, HttpServer server, int activeSlotPort) {
        this.vertx = vertx;
        this.server = server;
        this.activeSlotPort = activeSlotPort;
    }

    static TrafficEntry start(int port, int activeSlotPort) throws Exception {
        Vertx vertx = Vertx.vertx();
        // large socket buffers: a farm app's CSV upload is megabytes, and small buffers make the relay crawl
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setTcpNoDelay(true).setSendBufferSize(1 << 20).setReceiveBufferSize(1 << 20));
        HttpProxy proxy = HttpProxy.reverseProxy(client);
        TrafficEntry[] self = new TrafficEntry[1];
        proxy.originSelector(request -> io.vertx.core.Future.succeededFuture(
                io.vertx.core.net.SocketAddress.inetSocketAddress(self[0].activeSlotPort, "127.0.0.1")));
        HttpServer server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setTcpNoDelay(true)
                        .setSendBufferSize(1 << 20).setReceiveBufferSize(1 << 20)).requestHandler(proxy)
                .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        self[0] = new TrafficEntry(vertx, server, activeSlotPort);
        return self[0];
    }

    int activeSlotPort() {
        return activeSlotPort;
    }

    void switchTo(int slotPort) {
        activeSlotPort = slotPort;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}

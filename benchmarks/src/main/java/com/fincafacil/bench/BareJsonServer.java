package com.fincafacil.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's ceiling for the flags benchmark: plain Vert.x (the HTTP stack under Quarkus)
 * answering every request with the same fixed JSON, with no routing, no parsing and no
 * evaluation. The benchmark hands it a real OFREP bulk response, so the bytes on the wire match
 * what flags-service sends and the gap between the two is flags-service's own work.
 *
 * <p>Usage: {@code java -cp ... com.fincafacil.bench.BareJsonServer <port> <json-file>}
 */
public final class BareJsonServer extends AbstractVerticle {

    private final int port;
    private final Buffer body;

    private BareJsonServer(int port, Buffer body) {
        this.port = port;
        this.body = body;
    }

    @Override
    public void start(io.vertx.core.Promise<Void> started) {
        vertx.createHttpServer()
                // the request body is read to its end first, as flags-service must, so both
                // servers do the same socket work per request
                .requestHandler(request -> request.body().onComplete(read -> request.response()
                        .putHeader("content-type", "application/json")
                        .end(body)))
                .listen(port, "127.0.0.1")
                .<Void>mapEmpty()
                .onComplete(started);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BareJsonServer <port> <json-file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
        // one verticle per core, as Quarkus spreads its HTTP server over its event loops
        int instances = Runtime.getRuntime().availableProcessors();
        Vertx.vertx()
                .deployVerticle(() -> new BareJsonServer(port, body), new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.println("bare JSON server on 127.0.0.1:" + port + ", " + body.length() + " bytes"))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}

package com.fincafacil.local.entry;

import com.fincafacil.local.control.OperatorAuth;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The traffic entry as its own process, so farm apps' traffic never shares a JVM with the broker
 * or the launcher, and restarting a slot never touches it. Its admin port (loopback) serves the
 * switch and the injected faults to the launcher (operator token) and the counters to Prometheus.
 */
@Command(name = "traffic-entry", mixinStandardHelpOptions = true)
public final class EntryMain implements Callable<Integer> {

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--admin-port", required = true)
    int adminPort;

    @Option(names = "--slot", required = true, description = "name=port, once per slot")
    Map<String, Integer> slots = new LinkedHashMap<>();

    @Option(names = "--active", required = true)
    String active;

    @Option(names = "--public-key", required = true)
    Path publicKey;

    @Option(names = "--allow-faults", description = "Serve the /faults verbs (./fincafacil up --allow-faults); refused otherwise.")
    boolean allowFaults;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EntryMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Vertx vertx = Vertx.vertx();
        EntryMetrics metrics = new EntryMetrics();
        FaultTable faults = new FaultTable();
        TrafficEntry entry = new TrafficEntry(vertx, slots, active, metrics, faults);
        entry.listen(port);
        OperatorAuth auth = OperatorAuth.withPublicKey(publicKey);
        Router admin = adminRouter(vertx, entry, metrics, auth);
        FaultAdmin.mount(admin, faults, slots.keySet(), auth, allowFaults);
        vertx.createHttpServer().requestHandler(admin)
                .listen(adminPort, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.out.printf("traffic entry on 127.0.0.1:%d -> %s (%s); admin on 127.0.0.1:%d; fault injection %s%n",
                port, active, slots, adminPort, allowFaults ? "allowed" : "off");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                entry.close();
                vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.out.println("traffic entry did not stop cleanly: " + e.getMessage());
            }
            stop.countDown();
        }, "entry-stop"));
        stop.await();
        return 0;
    }

    static Router adminRouter(Vertx vertx, TrafficEntry entry, EntryMetrics metrics, OperatorAuth auth) {
        Router router = Router.router(vertx);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape()));
        router.route("/traffic").handler(ctx -> {
            if (auth.check(ctx.request().getHeader("Authorization"), "operator") != OperatorAuth.Verdict.ALLOWED) {
                ctx.response().setStatusCode(401).end();
            } else {
                ctx.next();
            }
        });
        router.get("/traffic").handler(ctx -> answer(ctx, entry));
        router.put("/traffic").handler(BodyHandler.create()).handler(ctx -> {
            String slot = ctx.body().asJsonObject().getString("slot");
            if (slot == null || !entry.knows(slot)) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            entry.switchTo(slot);
            answer(ctx, entry);
        });
        return router;
    }

    private static void answer(RoutingContext ctx, TrafficEntry entry) {
        JsonObject inFlight = new JsonObject();
        entry.slotNames().forEach(s -> inFlight.put(s, entry.inFlight(s)));
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("activeSlot", entry.activeSlot()).put("port", entry.activePort()).put("inFlight", inFlight).encode());
    }
}

package com.fincafacil.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.flags.domain.AlertFlagEvaluator;
import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.Evaluation;
import com.fincafacil.flags.domain.EvaluationContext;
import com.fincafacil.flags.domain.FlagSet;
import com.fincafacil.flags.domain.PhaseFlagEvaluator;
import com.fincafacil.flags.domain.SemVer;
import com.fincafacil.flags.file.FlagFileCodec;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for flags-service's bulk OFREP endpoint: evaluates a FlagSet with flags-core, answers
 * 304 when If-None-Match matches the ETag (flag revision + context, as OfrepResource does), counts
 * requests, and can be stopped and started again on the same port, made slow, or made to fail.
 */
public final class OfrepStandIn implements AutoCloseable {

    public static final Path SEED_FILE = Path.of("../config/feature_flags.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PhaseFlagEvaluator phases = new PhaseFlagEvaluator();
    private final AlertFlagEvaluator alerts = new AlertFlagEvaluator();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private volatile FlagSet flags = seedFlags();
    private volatile int revision = 1;
    private volatile int failWithStatus;
    private volatile long delayMillis;
    private volatile String rawBody;
    private volatile String lastIfNoneMatch;
    private int boundPort; // 0 until the first start picks a free port; kept for restarts
    private HttpServer server;
    private ExecutorService executor;

    private OfrepStandIn() {
    }

    public static OfrepStandIn start() {
        return new OfrepStandIn().listen();
    }

    public static FlagSet seedFlags() {
        try {
            return new FlagFileCodec().parse(Files.readString(SEED_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public synchronized int port() {
        return boundPort;
    }

    /** Requests answered (any status), 304s included. */
    public int requests() {
        return requests.get();
    }

    public int notModified() {
        return notModified.get();
    }

    public String lastIfNoneMatch() {
        return lastIfNoneMatch;
    }

    /** New flags, new revision: ETags given so far no longer match. */
    public void replaceFlags(FlagSet newFlags) {
        flags = newFlags;
        revision++;
    }

    /** 0 answers normally; anything else answers with that status and no body. */
    public void failWith(int status) {
        failWithStatus = status;
    }

    /** Answers 200 with this body instead of evaluating; null answers normally again. */
    public void answerWith(String body) {
        rawBody = body;
    }

    public void delay(long millis) {
        delayMillis = millis;
    }

    /** Connections are refused from now on, as when flags-service is down. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Back on the same port after {@link #stop()}. */
    public synchronized OfrepStandIn restart() {
        return listen();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized OfrepStandIn listen() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), boundPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boundPort = server.getAddress().getPort();
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/ofrep/v1/evaluate/flags", this::handle);
        server.start();
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            pause();
            if (failWithStatus != 0) {
                exchange.sendResponseHeaders(failWithStatus, -1);
                return;
            }
            if (rawBody != null) {
                byte[] raw = rawBody.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, raw.length);
                exchange.getResponseBody().write(raw);
                return;
            }
            EvaluationContext context = context(exchange.getRequestBody().readAllBytes());
            String etag = "\"" + revision + "-" + Integer.toHexString(
                    (context.fincaId() + '|' + context.level().wireName() + '|' + context.appVersion()).hashCode()) + "\"";
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            lastIfNoneMatch = ifNoneMatch;
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ifNoneMatch)) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = MAPPER.writeValueAsBytes(body(context));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void pause() {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EvaluationContext context(byte[] body) throws IOException {
        JsonNode context = MAPPER.readTree(body).path("context");
        JsonNode version = context.path("app_version");
        return new EvaluationContext(context.path("targetingKey").asText(),
                DeploymentLevel.parse(context.path("nivel_despliegue").asText()).orElseThrow(),
                version.isTextual() ? SemVer.of(version.asText()) : null);
    }

    private ObjectNode body(EvaluationContext context) {
        FlagSet current = flags;
        List<Evaluation> evaluations = new ArrayList<>();
        current.fases().values().forEach(flag -> evaluations.add(phases.evaluate(flag, context)));
        current.alertas().values().forEach(flag -> evaluations.add(alerts.evaluate(flag, context)));
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("flags");
        for (Evaluation evaluation : evaluations) {
            ObjectNode flag = list.addObject();
            flag.put("key", evaluation.flagKey());
            flag.put("reason", evaluation.reason().name());
            flag.put("variant", evaluation.value() ? "on" : "off");
            flag.put("value", evaluation.value());
            flag.putObject("metadata").put("rule", evaluation.rule()).put("detail", evaluation.detail());
        }
        return root;
    }
}

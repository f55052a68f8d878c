package com.fincafacil.local.release;

import com.fincafacil.problems.ProblemTypes;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Stands in for release-service in the CLI's tests: a JDK HTTP server on a random port that
 * records every request and answers what the test scripts per method and path.
 */
final class ReleaseServiceStandIn implements AutoCloseable {

    static final String RELEASES = "/api/v1/releases";

    record Request(String method, String uri, String body, String authorization) {
        String line() {
            return method + " " + uri;
        }

        JsonObject json() {
            return new JsonObject(body);
        }
    }

    record Reply(int status, String contentType, String body) {
        static Reply json(int status, Object body) {
            return new Reply(status, "application/json",
                    body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode());
        }

        static Reply problem(int status, String detail) {
            return problem(status, new JsonObject().put("detail", detail));
        }

        static Reply problem(int status, JsonObject problem) {
            JsonObject body = new JsonObject().put("type", ProblemTypes.uri(Integer.toString(status))).put("title", "Refused")
                    .put("status", status).mergeIn(problem);
            return new Reply(status, ProblemTypes.MEDIA_TYPE, body.encode());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> answers = r -> Reply.problem(404, "No route " + r.line() + " in this test.");

    private ReleaseServiceStandIn(HttpServer server) {
        this.server = server;
    }

    static ReleaseServiceStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ReleaseServiceStandIn standIn = new ReleaseServiceStandIn(server);
        server.createContext("/", standIn::handle);
        server.start();
        return standIn;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(Function<Request, Reply> answers) {
        this.answers = answers;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<String> requestLines() {
        return requests.stream().map(Request::line).toList();
    }

    /**
     * A release that runs: {@code GET /{id}} answers {@code before} until {@code POST /{id}/{verb}}
     * is taken (202 with {@code accepted} added); after that each GET adds the next batch of
     * entries, the state being the last entry's {@code to}. Other requests are left to {@code otherwise}.
     */
    static Function<Request, Reply> running(String id, String version, String verb, List<JsonObject> before, JsonObject accepted,
                                            List<List<JsonObject>> batches, Function<Request, Reply> otherwise) {
        AtomicBoolean taken = new AtomicBoolean();
        AtomicInteger polls = new AtomicInteger();
        return r -> {
            if (r.line().equals("POST " + RELEASES + "/" + id + "/" + verb)) {
                taken.set(true);
                return Reply.json(202, release(id, version, concat(before, List.of(accepted))));
            }
            if (r.line().equals("GET " + RELEASES + "/" + id)) {
                if (!taken.get()) {
                    return Reply.json(200, release(id, version, before));
                }
                List<JsonObject> timeline = concat(before, List.of(accepted));
                int shown = Math.min(polls.incrementAndGet(), batches.size());
                batches.subList(0, shown).forEach(timeline::addAll);
                return Reply.json(200, release(id, version, timeline));
            }
            return otherwise.apply(r);
        };
    }

    /** A release whose state is its last timeline entry's {@code to}. */
    static JsonObject release(String id, String version, List<JsonObject> timeline) {
        JsonObject last = timeline.get(timeline.size() - 1);
        return new JsonObject().put("id", id).put("version", version).put("kind", "minor")
                .put("state", last.getString("to")).put("previousVersion", "1.1.0").put("artifact", version)
                .put("createdAt", "2026-12-06T07:00:00Z").put("createdBy", "local-operator")
                .put("timeline", new JsonArray(new ArrayList<>(timeline)));
    }

    static JsonObject step(String from, String to, String at, String actor, String reason, JsonObject figures) {
        return new JsonObject().put("from", from).put("to", to).put("at", at).put("actor", actor).put("reason", reason)
                .put("figures", figures);
    }

    private static List<JsonObject> concat(List<JsonObject> a, List<JsonObject> b) {
        List<JsonObject> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                body, exchange.getRequestHeaders().getFirst("Authorization"));
        requests.add(request);
        Reply reply = answers.apply(request);
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

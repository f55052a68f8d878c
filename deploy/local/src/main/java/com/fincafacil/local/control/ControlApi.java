package com.fincafacil.local.control;

import com.fincafacil.local.artifact.ArtifactStore;
import com.fincafacil.local.faults.ArmedCrashes;
import com.fincafacil.local.faults.FaultInjection;
import com.fincafacil.local.slots.MigrationRunner;
import com.fincafacil.local.slots.Refusal;
import com.fincafacil.local.slots.SlotManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.concurrent.TimeUnit;

/**
 * The launcher's control API on 127.0.0.1: the verbs release-service's local adapter uses, with
 * the same meaning as its Kubernetes adapter's. Operator tokens only; refusals as problem+json.
 *
 * <pre>
 * GET    /api/v1/slots               list the slots
 * GET    /api/v1/slots/{slot}        one slot
 * PUT    /api/v1/slots/{slot}        {"version"}: deploy a stored version there, wait until ready
 * DELETE /api/v1/slots/{slot}        drain and stop it
 * GET    /api/v1/traffic             the active slot
 * PUT    /api/v1/traffic             {"slot"}: switch the traffic entry
 * POST   /api/v1/migrations          {"version", "database"?}: run that version's migrations (migrate-and-exit),
 *                                    on the farm database or a release's scratch_… database
 * GET    /api/v1/artifacts           the stored versions
 * GET    /api/v1/faults              the faults injected into farm traffic and the frozen slots
 * POST   /api/v1/faults              {"kind": "abort"|"delay"|"freeze"|"kafka", ...}: 201 the fault, Location;
 *                                     {"kind": "crash", "service"}: 200, the service killed (the launcher starts it again)
 * DELETE /api/v1/faults/{id}         remove a fault, thaw a slot
 * DELETE /api/v1/faults              remove every fault, thaw every slot
 * </pre>
 * The fault verbs are refused (403 {@code faults_not_allowed}) unless {@code up --allow-faults}.
 * {@code GET /openapi} (no token) serves the OpenAPI document of these verbs; the launcher refuses
 * to start when a verb is missing from it, so security and bad-input tests generated from the
 * document cover every verb.
 */
public final class ControlApi implements AutoCloseable {

    public static final String OPERATOR = "operator";

    /** A verb that answers JSON or refuses. */
    @FunctionalInterface
    interface Verb {
        Object run(RoutingContext ctx) throws Exception;
    }

    /** A verb's answer for a resource it created: 201 with its {@code Location}. */
    record Created(String location, JsonObject body) {
    }

    private final HttpServer server;

    private ControlApi(HttpServer server) {
        this.server = server;
    }

    public static ControlApi start(Vertx vertx, int port, OperatorAuth auth, SlotManager slots,
                                   MigrationRunner migrations, ArtifactStore artifacts, FaultInjection faults) throws Exception {
        Router router = Router.router(vertx);
        router.route("/api/v1/*").handler(ctx -> authorize(ctx, auth));
        router.route("/api/v1/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route("/api/v1/*").handler(ControlApi::requireJsonBody);
        blocking(router.get("/api/v1/slots"), ctx -> slots.list());
        blocking(router.get("/api/v1/slots/:slot"), ctx -> slots.get(ctx.pathParam("slot")));
        blocking(router.put("/api/v1/slots/:slot"), ctx -> {
            String version = field(ctx, "version");
            faults.before(ArmedCrashes.Verb.DEPLOY);
            return slots.deploy(ctx.pathParam("slot"), version);
        });
        blocking(router.delete("/api/v1/slots/:slot"), ctx -> slots.stop(ctx.pathParam("slot")));
        blocking(router.get("/api/v1/traffic"), ctx -> slots.traffic());
        blocking(router.put("/api/v1/traffic"), ctx -> {
            String slot = field(ctx, "slot");
            faults.before(ArmedCrashes.Verb.SWITCH);
            return slots.switchTo(slot);
        });
        blocking(router.post("/api/v1/migrations"), ctx -> {
            String version = field(ctx, "version");
            String database = optionalField(ctx, "database");
            if (database == null) {
                // a release's scratch check is not the farm's migration
                faults.before(ArmedCrashes.Verb.MIGRATION);
            }
            return migrations.migrate(version, database);
        });
        blocking(router.get("/api/v1/artifacts"), ctx -> {
            JsonArray all = new JsonArray();
            artifacts.list().forEach(a -> all.add(a.toJson()));
            return all;
        });
        blocking(router.get("/api/v1/faults"), ctx -> faults.list());
        blocking(router.post("/api/v1/faults"), ctx -> {
            JsonObject fault = faults.add(ctx.body().asString());
            // a crash at once is over once answered: nothing to name with a Location; an armed one is in force
            return "crash".equals(fault.getString("kind")) && !fault.containsKey("on") ? fault
                    : new Created("/api/v1/faults/" + fault.getString("id"), fault);
        });
        blocking(router.delete("/api/v1/faults/:id"), ctx -> faults.remove(ctx.pathParam("id")));
        blocking(router.delete("/api/v1/faults"), ctx -> faults.clear());
        ControlApiDocument document = ControlApiDocument.load();
        document.requireEvery(router.getRoutes());
        router.get("/openapi").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(document.json()));
        router.route().last().handler(ctx -> Problems.send(ctx, 404, "not_found", "Not Found",
                "No control verb at " + ctx.request().method() + " " + ctx.request().path() + ".", null, null));
        HttpServer server = vertx.createHttpServer().requestHandler(router)
                .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new ControlApi(server);
    }

    private static void authorize(RoutingContext ctx, OperatorAuth auth) {
        switch (auth.check(ctx.request().getHeader("Authorization"), OPERATOR)) {
            case ALLOWED -> ctx.next();
            case UNAUTHENTICATED -> {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                Problems.send(ctx, 401, "unauthenticated", "Unauthorized",
                        "A valid operator bearer token is required (./fincafacil token --role operator).", "Authorization", null);
            }
            case FORBIDDEN -> Problems.send(ctx, 403, "forbidden", "Forbidden",
                    "The control API needs the operator role.", "Authorization", null);
        }
    }

    /** Every verb with a body reads JSON; another media type is refused before any verb runs. */
    private static void requireJsonBody(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        boolean hasBody = ctx.body() != null && ctx.body().length() > 0;
        if (hasBody && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
            Problems.send(ctx, 415, "unsupported_media_type", "Unsupported Media Type",
                    "The control API reads JSON bodies; send them as application/json.", "Content-Type", null);
            return;
        }
        ctx.next();
    }

    private static void blocking(io.vertx.ext.web.Route route, Verb verb) {
        route.blockingHandler(ctx -> {
            try {
                Object answer = verb.run(ctx);
                if (answer instanceof Created created) {
                    ctx.response().setStatusCode(201).putHeader("Location", created.location());
                    answer = created.body();
                }
                ctx.response().putHeader("Content-Type", "application/json").end(
                        answer instanceof JsonArray a ? a.encodePrettily() : ((JsonObject) answer).encodePrettily());
            } catch (Refusal r) {
                Problems.send(ctx, r.status(), r.code(), null, r.getMessage(), r.field(), r.details());
            } catch (BadRequest b) {
                Problems.send(ctx, 400, "invalid_request", "Bad Request", b.getMessage(), b.field, null);
            } catch (Exception e) {
                Problems.send(ctx, 500, "internal_error", "Internal Server Error",
                        "The launcher could not carry out the request; see its console.", null, null);
                System.err.println("control API: " + ctx.request().method() + " " + ctx.request().path() + " failed: " + e);
            }
        }, false);
    }

    /** A required string field of the JSON body. */
    private static String field(RoutingContext ctx, String name) throws BadRequest {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw new BadRequest("The body is not a JSON object.", null);
        }
        if (body == null) {
            throw new BadRequest("A JSON body with \"" + name + "\" is required.", name);
        }
        Object value = body.getValue(name);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new BadRequest("\"" + name + "\" is required and must be a non-empty string.", name);
        }
        // names of versions, slots and databases: printable text only (no NUL, no half surrogate pair)
        if (s.chars().anyMatch(c -> c < 0x20 || Character.isSurrogate((char) c)) || s.length() > 200) {
            throw new BadRequest("\"" + name + "\" must be printable text of at most 200 characters.", name);
        }
        return s.trim();
    }

    /** An optional string field of the JSON body (null when absent). */
    private static String optionalField(RoutingContext ctx, String name) throws BadRequest {
        JsonObject body = ctx.body().asJsonObject();
        return body == null || body.getValue(name) == null ? null : field(ctx, name);
    }

    static final class BadRequest extends Exception {
        final String field;

        BadRequest(String message, String field) {
            super(message);
            this.field = field;
        }
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}

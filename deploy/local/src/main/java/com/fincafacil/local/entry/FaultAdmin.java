package com.fincafacil.local.entry;

import com.fincafacil.local.control.OperatorAuth;
import com.fincafacil.local.control.Problems;
import com.fincafacil.local.faults.Fault;
import com.fincafacil.local.faults.FaultRequest;
import com.fincafacil.local.slots.Refusal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The entry's admin verbs on faults, for the launcher's control API (operator token), refused
 * with 403 {@code faults_not_allowed} unless the entry was started with {@code --allow-faults}.
 *
 * <pre>
 * GET    /faults        the faults in force
 * POST   /faults        {"kind": "abort"|"delay", "slot", ...}: 201 the fault, Location /faults/{id}
 * DELETE /faults/{id}   200 the fault removed; 404 if there is none (or it expired)
 * DELETE /faults        200 {"removed": [...]}
 * </pre>
 */
final class FaultAdmin {

    static final String NOT_ALLOWED_DETAIL =
            "Fault injection is off. Start the platform with ./fincafacil up --allow-faults to inject faults.";

    private FaultAdmin() {
    }

    static void mount(Router router, FaultTable faults, Set<String> slots, OperatorAuth auth, boolean allowed) {
        router.route("/faults*").handler(ctx -> guard(ctx, auth, allowed));
        router.route("/faults*").handler(BodyHandler.create().setBodyLimit(16 * 1024));
        router.get("/faults").handler(ctx -> json(ctx, 200, all(faults.list())));
        router.post("/faults").handler(ctx -> {
            try {
                Fault fault = faults.add(FaultRequest.parse(ctx.body().asString(), slots,
                        EnumSet.of(FaultRequest.Kind.ABORT, FaultRequest.Kind.DELAY)));
                ctx.response().putHeader("Location", "/faults/" + fault.id());
                json(ctx, 201, fault.toJson());
            } catch (Refusal r) {
                Problems.send(ctx, r.status(), r.code(), null, r.getMessage(), r.field(), null);
            }
        });
        router.delete("/faults/:id").handler(ctx -> faults.remove(ctx.pathParam("id")).ifPresentOrElse(
                f -> json(ctx, 200, f.toJson()),
                () -> Problems.send(ctx, 404, "unknown_fault", null,
                        "No fault '" + ctx.pathParam("id") + "' in force (it may have expired).", "id", null)));
        router.delete("/faults").handler(ctx -> json(ctx, 200, new JsonObject().put("removed", all(faults.clear()))));
    }

    private static void guard(RoutingContext ctx, OperatorAuth auth, boolean allowed) {
        switch (auth.check(ctx.request().getHeader("Authorization"), "operator")) {
            case UNAUTHENTICATED -> Problems.send(ctx, 401, "unauthenticated", null,
                    "A valid operator bearer token is required.", "Authorization", null);
            case FORBIDDEN -> Problems.send(ctx, 403, "forbidden", null,
                    "Faults need the operator role.", "Authorization", null);
            case ALLOWED -> {
                if (allowed) {
                    ctx.next();
                } else {
                    Problems.send(ctx, 403, "faults_not_allowed", null, NOT_ALLOWED_DETAIL, null, null);
                }
            }
        }
    }

    private static JsonArray all(List<Fault> faults) {
        JsonArray array = new JsonArray();
        faults.forEach(f -> array.add(f.toJson()));
        return array;
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode());
    }
}

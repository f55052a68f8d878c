package com.fincafacil.local.control;

import com.fincafacil.problems.ProblemTypes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * RFC 9457 problem+json for the control API and the traffic entry's admin port: a stable code,
 * plain words, the field, the current state.
 */
public final class Problems {

    private static final Map<Integer, String> TITLES = Map.of(400, "Bad Request", 401, "Unauthorized", 403, "Forbidden",
            404, "Not Found", 409, "Conflict", 502, "Bad Gateway", 500, "Slot or migration failed", 504, "Timed out");

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String code, String title, String detail, String field, JsonObject current) {
        JsonObject problem = new JsonObject(ProblemTypes.body(status, code,
                title != null ? title : TITLES.getOrDefault(status, "Error"), detail, field));
        if (current != null && !current.isEmpty()) {
            problem.put("current", current);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", ProblemTypes.MEDIA_TYPE).end(problem.encodePrettily());
    }
}

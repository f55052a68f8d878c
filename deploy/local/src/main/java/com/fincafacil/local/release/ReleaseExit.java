package com.fincafacil.local.release;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;

/**
 * The exit codes of {@code ./fincafacil release}, which scripts rely on, and how a refusal of
 * release-service (RFC 9457 problem+json) is told to the operator on stderr.
 */
final class ReleaseExit {

    static final int OK = 0;
    static final int REFUSED = 1;       // 409, or a followed release ended FAILED or ROLLED_BACK
    static final int BAD_INPUT = 2;     // bad usage, 400 or 422
    static final int SERVICE_ERROR = 3; // release-service answered 5xx (e.g. 503: the deployment target did not answer)
    static final int UNKNOWN = 4;       // 404: no such release
    static final int UNREACHABLE = 5;   // release-service is not reachable
    static final int DENIED = 6;        // 401/403: the token was refused

    private ReleaseExit() {
    }

    static int forStatus(int status) {
        if (status < 300) {
            return OK;
        }
        return switch (status) {
            case 400, 422 -> BAD_INPUT;
            case 401, 403 -> DENIED;
            case 404 -> UNKNOWN;
            case 409 -> REFUSED;
            default -> SERVICE_ERROR;
        };
    }

    /** Prints the problem's words to {@code err}; {@code role} is the token role the verb needs. Returns the exit code. */
    static int report(int status, String body, String role, PrintStream err) {
        JsonObject problem = problem(body);
        int code = forStatus(status);
        JsonArray errors = problem.getValue("errors") instanceof JsonArray a ? a : new JsonArray();
        if (code == BAD_INPUT && !errors.isEmpty()) {
            for (Object e : errors) {
                JsonObject error = e instanceof JsonObject o ? o : new JsonObject();
                err.println(error.getString("field", "request") + ": " + error.getString("message", String.valueOf(e)));
            }
        } else {
            err.println(text(problem, "detail", text(problem, "title", "release-service answered HTTP " + status + ".")));
        }
        if (problem.getValue("current") != null) {
            Object current = problem.getValue("current");
            err.println("current: " + (current instanceof JsonObject o ? o.encode() : current));
        }
        if (code == DENIED) {
            err.println("The token was refused (HTTP " + status + "). Mint one with the " + role + " role: "
                    + tokenHint(role));
        }
        return code;
    }

    static String tokenHint(String role) {
        return "export " + ReleaseContext.TOKEN_VARIABLE + "=$(./fincafacil token --role " + role + ")";
    }

    private static JsonObject problem(String body) {
        try {
            return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }

    private static String text(JsonObject json, String key, String otherwise) {
        Object value = json.getValue(key);
        return value instanceof String s && !s.isBlank() ? s : otherwise;
    }
}

package com.fincafacil.local.slots;

import io.vertx.core.json.JsonObject;

/**
 * A control verb that was refused or failed, with the HTTP status the control API answers, a
 * stable code and the current state, so the caller sees why without a second request.
 */
public final class Refusal extends Exception {

    private final int status;
    private final String code;
    private final JsonObject details;
    private final String field;

    public Refusal(int status, String code, String message, JsonObject details) {
        this(status, code, message, details, null);
    }

    private Refusal(int status, String code, String message, JsonObject details, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
        this.field = field;
    }

    /** An unknown slot or version; {@code field} names what was not found. */
    public static Refusal notFound(String field, String code, String message) {
        return new Refusal(404, code, message, new JsonObject(), field);
    }

    /** A request the launcher will not carry out as asked; {@code field} names the culprit. */
    public static Refusal badRequest(String field, String message) {
        return new Refusal(400, "invalid_request", message, new JsonObject(), field);
    }

    /** A refusal passed on from another component (the traffic entry), as it answered. */
    public static Refusal of(int status, String code, String message, String field) {
        return new Refusal(status, code, message, new JsonObject(), field);
    }

    public static Refusal conflict(String code, String message, JsonObject current) {
        return new Refusal(409, code, message, current);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public JsonObject details() {
        return details;
    }
}

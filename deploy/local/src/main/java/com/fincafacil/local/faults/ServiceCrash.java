package com.fincafacil.local.faults;

import com.fincafacil.local.slots.Refusal;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A service process killed at once (SIGKILL: no shutdown hook, no last write), to prove what a
 * crash leaves behind; the launcher's supervisor starts it again. Nothing stays in force, so a
 * crash is not listed among the faults afterwards.
 */
public interface ServiceCrash {

    /** The services a crash may name. */
    List<String> services();

    /** Kills {@code service}: {@code {"id", "kind": "crash", "service", "pid", "createdAt"}}; 409 when it is not running. */
    JsonObject crash(String service) throws Refusal;
}

package com.fincafacil.flags.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.flags.domain.DeploymentLevel;
import com.fincafacil.flags.domain.EvaluationContext;
import com.fincafacil.flags.domain.SemVer;

import java.io.IOException;

/**
 * Reads an OFREP request body into an evaluation context. Context keys: {@code targetingKey} (the
 * finca id), {@code nivel_despliegue} and, optionally, {@code app_version}. Failures carry the
 * OFREP error code to answer with.
 */
final class OfrepContext {

    static final String LEVEL = "nivel_despliegue";
    static final String APP_VERSION = "app_version";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OfrepContext() {
    }

    /** An OFREP error: code (PARSE_ERROR, TARGETING_KEY_MISSING, INVALID_CONTEXT) and details. */
    static final class Invalid extends Exception {
        final String errorCode;

        Invalid(String errorCode, String details) {
            super(details, null, false, false);
            this.errorCode = errorCode;
        }
    }

    static EvaluationContext parse(byte[] body) throws Invalid {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            throw new Invalid("PARSE_ERROR", "The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("PARSE_ERROR", "The request body must be a JSON object with a context.");
        }
        JsonNode context = root.path("context");
        if (!context.isObject()) {
            throw new Invalid("INVALID_CONTEXT", "The request must carry a context object.");
        }
        JsonNode targetingKey = context.path("targetingKey");
        if (!targetingKey.isTextual() || targetingKey.asText().isBlank()) {
            throw new Invalid("TARGETING_KEY_MISSING", "context.targetingKey (the finca id) is required.");
        }
        JsonNode level = context.path(LEVEL);
        DeploymentLevel deploymentLevel = level.isTextual() ? DeploymentLevel.parse(level.asText()).orElse(null) : null;
        if (deploymentLevel == null) {
            throw new Invalid("INVALID_CONTEXT", "context." + LEVEL + " must be one of " + DeploymentLevel.allWireNames() + ".");
        }
        JsonNode version = context.path(APP_VERSION);
        SemVer appVersion = null;
        if (!version.isMissingNode() && !version.isNull()) {
            appVersion = version.isTextual() ? SemVer.parse(version.asText()).orElse(null) : null;
            if (appVersion == null) {
                throw new Invalid("INVALID_CONTEXT", "context." + APP_VERSION + " must be a semantic version such as 1.2.0.");
            }
        }
        return new EvaluationContext(targetingKey.asText(), deploymentLevel, appVersion);
    }
}

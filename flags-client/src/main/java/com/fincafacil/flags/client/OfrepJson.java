package com.fincafacil.flags.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.flags.domain.EvaluationContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The OFREP bulk request and response bodies, as flags-service's OfrepResource writes and reads them. */
final class OfrepJson {

    // a plain mapper of our own: the wire format must not follow the host application's Jackson settings
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OfrepJson() {
    }

    /** {@code {"context":{"targetingKey":..,"nivel_despliegue":..,"app_version":..}}}, app_version only when known. */
    static byte[] request(EvaluationContext context) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode ctx = body.putObject("context");
        ctx.put("targetingKey", context.fincaId());
        ctx.put("nivel_despliegue", context.level().wireName());
        if (context.appVersion() != null) {
            ctx.put("app_version", context.appVersion().toString());
        }
        return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code {"flags":[{"key","reason","value","metadata":{"rule","detail"}}]}} into LIVE answers.
     * A flag carrying an OFREP errorCode answers off with reason ERROR.
     *
     * @throws IOException when the body is not that shape
     */
    static List<FlagAnswer> answers(byte[] body) throws IOException {
        JsonNode flags = MAPPER.readTree(body).path("flags");
        if (!flags.isArray()) {
            throw new IOException("the answer has no \"flags\" list");
        }
        List<FlagAnswer> answers = new ArrayList<>(flags.size());
        for (JsonNode flag : flags) {
            answers.add(answer(flag));
        }
        return answers;
    }

    private static FlagAnswer answer(JsonNode flag) throws IOException {
        JsonNode key = flag.path("key");
        if (!key.isTextual()) {
            throw new IOException("a flag in the answer has no key");
        }
        if (flag.hasNonNull("errorCode")) {
            return FlagAnswer.error(key.textValue(), flag.path("errorCode").asText().toLowerCase(java.util.Locale.ROOT),
                    flag.path("errorDetails").asText("flags-service could not evaluate this flag."), AnswerSource.LIVE);
        }
        JsonNode value = flag.path("value");
        if (!value.isBoolean()) {
            throw new IOException("flag " + key.textValue() + " has no boolean value");
        }
        JsonNode metadata = flag.path("metadata");
        return new FlagAnswer(key.textValue(), value.booleanValue(), flag.path("reason").asText("UNKNOWN"),
                metadata.path("rule").asText(""), metadata.path("detail").asText(""), AnswerSource.LIVE);
    }
}

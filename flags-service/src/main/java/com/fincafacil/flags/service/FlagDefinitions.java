package com.fincafacil.flags.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.flags.domain.Flag;
import com.fincafacil.flags.file.FlagFileCodec;
import com.fincafacil.flags.file.FlagFileException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.UnaryOperator;

/**
 * Reads one flag definition sent to the admin API with exactly the rules of the file import, by
 * handing it to the file codec as a one-flag file; errors name the field as in the file.
 */
@ApplicationScoped
public class FlagDefinitions {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FlagFileCodec codec;

    public FlagDefinitions(FlagFileCodec codec) {
        this.codec = codec;
    }

    /** Every error of a flag file (or definition) at once, each under the field {@code field} makes of its path. */
    public static Refusal refusal(FlagFileException e, UnaryOperator<String> field) {
        // the codec words its errors in English; the bundles' words for a code come first
        return Refusal.invalid(e.errors().stream()
                .map(err -> new Refusal.Reason(field.apply(err.path()), err.code(), Refusal.facts("detail", err.message())))
                .toList());
    }

    public Flag read(String key, String kind, JsonNode definition) {
        String section = switch (kind == null ? "" : kind) {
            case "FASE" -> FlagFileCodec.FASES;
            case "ALERTA" -> FlagFileCodec.ALERTAS;
            default -> throw Refusal.invalid("kind", "invalid_value", "detail", "kind must be FASE or ALERTA.");
        };
        if (definition == null || !definition.isObject()) {
            throw Refusal.invalid("definition", "invalid_value", "detail", "The flag definition must be a JSON object.");
        }
        ObjectNode file = MAPPER.createObjectNode();
        file.putObject(FlagFileCodec.FASES);
        file.putObject(FlagFileCodec.ALERTAS);
        ((ObjectNode) file.get(section)).set(key, definition);
        try {
            return codec.parse(file.toString()).find(key).orElseThrow();
        } catch (FlagFileException e) {
            String prefix = section + "." + key + ".";
            throw refusal(e, path -> path.startsWith(prefix) ? path.substring(prefix.length()) : "key")
                    .summarized("flag_definition_invalid");
        }
    }
}

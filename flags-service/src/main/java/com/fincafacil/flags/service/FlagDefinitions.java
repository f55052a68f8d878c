package com.fincafacil.flags.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.rest.ProblemException;
import com.fincafacil.flags.domain.Flag;
import com.fincafacil.flags.file.FlagFileCodec;
import com.fincafacil.flags.file.FlagFileException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

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

    public Flag read(String key, String kind, JsonNode definition) {
        String section = switch (kind == null ? "" : kind) {
            case "FASE" -> FlagFileCodec.FASES;
            case "ALERTA" -> FlagFileCodec.ALERTAS;
            default -> throw ProblemException.badField("kind", "kind must be FASE or ALERTA.");
        };
        if (definition == null || !definition.isObject()) {
            throw ProblemException.badField("definition", "The flag definition must be a JSON object.");
        }
        ObjectNode file = MAPPER.createObjectNode();
        file.putObject(FlagFileCodec.FASES);
        file.putObject(FlagFileCodec.ALERTAS);
        ((ObjectNode) file.get(section)).set(key, definition);
        try {
            return codec.parse(file.toString()).find(key).orElseThrow();
        } catch (FlagFileException e) {
            String prefix = section + "." + key + ".";
            List<Problem.FieldError> errors = e.errors().stream()
                    .map(err -> new Problem.FieldError(
                            err.path().startsWith(prefix) ? err.path().substring(prefix.length()) : "key",
                            err.code(), err.message(), null))
                    .toList();
            throw ProblemException.invalid("The flag definition is invalid.", errors);
        }
    }
}

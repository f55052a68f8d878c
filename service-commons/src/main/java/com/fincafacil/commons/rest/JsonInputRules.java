package com.fincafacil.commons.rest;

import com.fincafacil.commons.refusal.Refusal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rules every JSON body of every service follows, applied once while the body is read:
 * a whole-number field refuses a fraction (50.5 is not silently 50); no text may hold a NUL
 * character (PostgreSQL cannot store it, so it would otherwise surface as a server error) or half
 * of a surrogate pair (not a character at all); a value of the wrong JSON type is refused rather
 * than coerced (1 is not true, true is not the text "true", "1" is not an enum's second value,
 * 254847 is not a date; text that reads as a number, "450", still is one);
 * and nothing may follow the body's one JSON value ({@code {…}x} is broken JSON).
 */
@Singleton
public class JsonInputRules implements ObjectMapperCustomizer {

    static final char NUL = '\u0000';

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // a date is written as a date: 254847 is not "day 254847 after 1970"
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.addHandler(new BodyErrors());
        mapper.registerModule(new SimpleModule("fincafacil-json-input")
                .addDeserializer(String.class, new NulFreeString())
                .addDeserializer(JsonNode.class, new NulFreeTree()));
    }

    /** No NUL, and every surrogate in a pair: text PostgreSQL stores as it was sent. */
    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == NUL) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Strings as Jackson reads them, refused when they hold a NUL or a lone surrogate. */
    static final class NulFreeString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && !storable(value)) {
                boolean nul = value.indexOf(NUL) >= 0;
                if (BodyErrors.note(new Refusal.Reason(BodyErrors.path(p), nul ? "nul_character" : "invalid_character", null))) {
                    return null;
                }
                throw new ForbiddenCharacterException(p, nul);
            }
            return value;
        }
    }

    /** Free-form JSON (flag definitions, contexts): the same rule for every text value in the tree. */
    static final class NulFreeTree extends StdDeserializer<JsonNode> {
        NulFreeTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(p, ctxt);
            Deque<Object> path = new ArrayDeque<>();
            if (holdsNul(tree, path)) {
                JsonMappingException e = new ForbiddenCharacterException(p, tree.toString().contains("\\u0000"));
                // innermost first: prependPath builds the path from the leaf outwards
                Iterator<Object> leafFirst = path.iterator();
                while (leafFirst.hasNext()) {
                    Object step = leafFirst.next();
                    if (step instanceof Integer index) {
                        e.prependPath(tree, index);
                    } else {
                        e.prependPath(tree, (String) step);
                    }
                }
                throw e;
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return NullNode.getInstance();
        }

        /** Depth-first; on a hit {@code path} holds the steps to it, innermost first. */
        private static boolean holdsNul(JsonNode node, Deque<Object> path) {
            if (node.isTextual()) {
                return !storable(node.textValue());
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    if (holdsNul(node.get(i), path)) {
                        path.addLast(i);
                        return true;
                    }
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!storable(field.getKey()) || holdsNul(field.getValue(), path)) {
                        path.addLast(field.getKey());
                        return true;
                    }
                }
            }
            return false;
        }
    }
}

package com.fincafacil.incident.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Refuses a NUL character in any text of a request body while it is read: PostgreSQL cannot
 * store one, and the refusal then names the field (400) instead of failing the insert (500).
 */
@Singleton
public class NoNulInText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("no-nul-in-text").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = super.deserialize(p, ctxt);
                if (value != null && value.indexOf('\0') >= 0) {
                    throw ctxt.weirdStringException(value.replace('\0', ' '), String.class, "contains a NUL character");
                }
                return value;
            }
        }));
    }
}

package com.fincafacil.flags.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fincafacil.flags.domain.Evaluation;
import com.fincafacil.flags.domain.EvaluationContext;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The bulk evaluation's bytes, written with a streaming generator straight into a Vert.x buffer:
 * the same JSON as {@link OfrepResource#success} and the OFREP error body, without building maps
 * or a tree per request (the bulk path's answer costs as much as its evaluation otherwise).
 */
final class OfrepBulkAnswer {

    private static final JsonFactory JSON = new JsonFactory();
    /** Six flags with reason and rule take about 1.1 KB. */
    private static final int TYPICAL_SIZE = 1536;

    private OfrepBulkAnswer() {
    }

    /** The flags' revision and the context decide the whole answer, so together they tag it. */
    static String etag(String revision, EvaluationContext context) {
        int contextHash = (context.fincaId() + '|' + context.level().wireName() + '|' + context.appVersion()).hashCode();
        return "\"" + revision + "-" + Integer.toHexString(contextHash) + "\"";
    }

    /** {@code {"flags":[{key, reason, variant, value, metadata:{rule, detail}}, …]}}. */
    static Buffer flags(List<Evaluation> evaluations) {
        Buffer out = Buffer.buffer(TYPICAL_SIZE);
        try (JsonGenerator json = JSON.createGenerator(new BufferStream(out))) {
            json.writeStartObject();
            json.writeArrayFieldStart("flags");
            for (Evaluation evaluation : evaluations) {
                json.writeStartObject();
                json.writeStringField("key", evaluation.flagKey());
                json.writeStringField("reason", evaluation.reason().name());
                json.writeStringField("variant", evaluation.value() ? "on" : "off");
                json.writeBooleanField("value", evaluation.value());
                json.writeObjectFieldStart("metadata");
                json.writeStringField("rule", evaluation.rule());
                json.writeStringField("detail", evaluation.detail());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            // only the stream can fail, and a buffer in memory does not
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** OFREP's error body for a request about every flag: {@code {"errorCode", "errorDetails"}}. */
    static Buffer error(String code, String details) {
        Buffer out = Buffer.buffer(128);
        try (JsonGenerator json = JSON.createGenerator(new BufferStream(out))) {
            json.writeStartObject();
            json.writeStringField("errorCode", code);
            json.writeStringField("errorDetails", details);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Lets the generator append to a Vert.x buffer (the generator buffers, so writes come in blocks). */
    private static final class BufferStream extends OutputStream {
        private final Buffer buffer;

        BufferStream(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.appendBytes(bytes, offset, length);
        }
    }
}

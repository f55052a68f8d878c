package com.fincafacil.flags.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fincafacil.flags.domain.Evaluation;
import com.fincafacil.flags.domain.EvaluationContext;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bulk evaluation's bytes, put together in a Vert.x buffer from each flag's answer already
 * serialised: the same JSON as {@link OfrepResource#success} and the OFREP error body, without
 * building maps or a tree per request (the bulk path's answer cost as much as its evaluation).
 */
final class OfrepBulkAnswer {

    private static final JsonFactory JSON = new JsonFactory();
    /** Six flags with reason and rule take about 1.1 KB. */
    private static final int TYPICAL_SIZE = 1536;
    private static final byte[] OPEN = "{\"flags\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.UTF_8);
    /**
     * One flag's answer as JSON, by evaluation. An evaluation holds every field it writes, and
     * the flags give few distinct ones (a rollout's detail names one of 100 buckets), so nearly
     * every request finds all of its answers here. Emptied when full, as flag changes leave old ones.
     */
    private static final Map<Evaluation, byte[]> SERIALISED = new ConcurrentHashMap<>();
    private static final int SERIALISED_LIMIT = 4096;

    private OfrepBulkAnswer() {
    }

    /** The flags' revision and the context decide the whole answer, so together they tag it. */
    static String etag(String revision, EvaluationContext context) {
        int contextHash = (context.fincaId() + '|' + context.level().wireName() + '|' + context.appVersion()).hashCode();
        return "\"" + revision + "-" + Integer.toHexString(contextHash) + "\"";
    }

    /** {@code {"flags":[{key, reason, variant, value, metadata:{rule, detail}}, …]}}. */
    static Buffer flags(List<Evaluation> evaluations) {
        Buffer out = Buffer.buffer(TYPICAL_SIZE).appendBytes(OPEN);
        for (int i = 0; i < evaluations.size(); i++) {
            if (i > 0) {
                out.appendByte((byte) ',');
            }
            out.appendBytes(serialised(evaluations.get(i)));
        }
        return out.appendBytes(CLOSE);
    }

    private static byte[] serialised(Evaluation evaluation) {
        byte[] known = SERIALISED.get(evaluation);
        if (known != null) {
            return known;
        }
        Buffer out = Buffer.buffer(256);
        try (JsonGenerator json = JSON.createGenerator(new BufferStream(out))) {
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
        } catch (IOException e) {
            // only the stream can fail, and a buffer in memory does not
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.getBytes();
        if (SERIALISED.size() >= SERIALISED_LIMIT) {
            SERIALISED.clear();
        }
        SERIALISED.put(evaluation, bytes);
        return bytes;
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

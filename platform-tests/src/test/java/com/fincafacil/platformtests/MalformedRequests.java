package com.fincafacil.platformtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * QuickTheories generators of malformed requests, read off the OpenAPI documents: for every
 * operation, a request that is right but for one thing a server must refuse (a wrong type, a
 * missing required field, a huge string or body, NUL or invalid UTF-8, a number out of range, an
 * unknown enum value, broken JSON, a wrong content type or method, a malformed path, query or header
 * parameter). A request that changes state is never valid otherwise: bodiless writes always carry a
 * malformed path parameter or the wrong method.
 */
final class MalformedRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String BAD_UTF8_MARK = "\u0001BAD\u0001";

    /** One generated request and what was wrong with it. */
    record Malformed(OpenApiDocument.Operation op, String mutation, String method, String url,
                     Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                    .replace("\u0000", "\\u0000") + (body.length > 300 ? "…(" + body.length + " bytes)" : "");
            String where = url.length() > 300 ? url.substring(0, 300) + "…" : url;
            return op + " [" + mutation + "] " + method + " " + where + " " + headers.keySet() + " " + shown;
        }
    }

    /** Values that reach past lookups: the seeded finca, animal, flag; everything else is an unknown id. */
    record Seeds(String apiKey, String adminToken, Map<String, String> pathValues, Map<String, String> headerValues) {
    }

    private final Seeds seeds;
    private final Map<String, Set<String>> methodsByPath;

    MalformedRequests(List<OpenApiDocument.Operation> operations, Seeds seeds) {
        this.seeds = seeds;
        this.methodsByPath = operations.stream().collect(Collectors.groupingBy(o -> o.baseUrl() + o.path(),
                Collectors.mapping(OpenApiDocument.Operation::method, Collectors.toSet())));
    }

    /** Every operation equally often, then one of the mutations that apply to it. */
    Gen<Malformed> requests(List<OpenApiDocument.Operation> operations) {
        return Generate.pick(operations).flatMap(this::forOperation);
    }

    private Gen<Malformed> forOperation(OpenApiDocument.Operation op) {
        List<Gen<Malformed>> kinds = new ArrayList<>();
        boolean hasPathParam = op.parameters().stream().anyMatch(p -> p.in().equals("path"));
        boolean reads = op.method().equals("GET");
        kinds.add(wrongMethod(op));
        if (hasPathParam) {
            kinds.add(malformedPath(op));
        }
        if (reads && op.parameters().stream().anyMatch(p -> p.in().equals("query"))) {
            kinds.add(malformedQuery(op));
        }
        if (reads && op.parameters().stream().anyMatch(p -> p.in().equals("header"))) {
            kinds.add(malformedHeader(op));
        }
        if (op.takesBody() && op.mediaType().contains("json")) {
            kinds.add(jsonBody(op));
            kinds.add(jsonBody(op));
            kinds.add(jsonBody(op));
        } else if (op.takesBody()) {
            kinds.add(textBody(op));
        }
        return Generate.pick(kinds).flatMap(g -> g);
    }

    // ---- what every operation can get wrong -------------------------------------------------

    private Gen<Malformed> wrongMethod(OpenApiDocument.Operation op) {
        Set<String> allowed = methodsByPath.get(op.baseUrl() + op.path());
        List<String> others = METHODS.stream().filter(m -> !allowed.contains(m)).toList();
        if (others.isEmpty()) {
            return malformedPath(op);
        }
        return Generate.pick(others).zip(Generate.range(0, 1_000_000), (method, n) -> request(op, "wrong method", method, validPath(op),
                Map.of("X-Request-Id", "campaign-" + n),
                method.equals("GET") || method.equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8), "application/json"));
    }

    private static final List<String> BAD_PATH_VALUES = List.of("abc", "-1", "0", "99999999999999999999", "1e400", "%00",
            "a%00b", "%C3%28", "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "null", "%20", "00000000-0000-0000-0000-00000000000g",
            "x".repeat(3000), "%E2%80%AE", "'%20OR%201=1--", "purple");

    private Gen<Malformed> malformedPath(OpenApiDocument.Operation op) {
        List<String> names = op.parameters().stream().filter(p -> p.in().equals("path")).map(OpenApiDocument.Parameter::name).toList();
        if (names.isEmpty()) {
            return wrongMethod(op);
        }
        return Generate.pick(names).zip(Generate.pick(BAD_PATH_VALUES), Generate.range(0, 1_000_000), (name, bad, n) -> {
            String path = fill(op, Map.of(name, n % 3 == 0 ? bad : n % 3 == 1 ? bad + n : n + bad));
            byte[] body = op.takesBody() && op.mediaType().contains("json") ? example(op.body()).toString().getBytes(StandardCharsets.UTF_8) : null;
            return request(op, "malformed path parameter " + name, op.method(), path, Map.of(), body, op.mediaType());
        });
    }

    // ---- reads: query and header parameters --------------------------------------------------

    private Gen<Malformed> malformedQuery(OpenApiDocument.Operation op) {
        List<OpenApiDocument.Parameter> query = op.parameters().stream().filter(p -> p.in().equals("query")).toList();
        return Generate.pick(query).flatMap(p -> Generate.pick(badQueryValues(p.schema())).zip(Generate.range(0, 1_000_000), (bad, n) ->
                request(op, "malformed query parameter " + p.name(), "GET",
                        validPath(op) + "?" + p.name() + "=" + (bad.isEmpty() || n % 2 == 0 ? bad : bad + n), Map.of(), null, null)));
    }

    private static List<String> badQueryValues(JsonNode schema) {
        String type = schema.path("type").asText("string");
        if (schema.has("enum")) {
            return List.of("no_existe", "%00", "%C3%28", "PILOTO%20");
        }
        return switch (type) {
            case "integer", "number" -> List.of("abc", "1.5e999", "-1", "99999999999", "", "%00", "0x10", "1%2C5", "%C3%28");
            case "boolean" -> List.of("yes", "1", "si", "", "%00", "verdadero");
            default -> schema.path("format").asText("").startsWith("date")
                    ? List.of("2026-13-45", "ayer", "%00", "%C3%28", "2026-02-30")
                    : List.of("%00", "a%00b", "%C3%28", "%FF");
        };
    }

    private Gen<Malformed> malformedHeader(OpenApiDocument.Operation op) {
        List<OpenApiDocument.Parameter> headers = op.parameters().stream().filter(p -> p.in().equals("header")).toList();
        return Generate.pick(headers).zip(Generate.pick(List.of("no-es-version", "1.2", "99999999999.0.0", "-1.0.0", "x".repeat(5000), "1.0.0-")),
                (p, bad) -> request(op, "malformed header " + p.name(), "GET", validPath(op), Map.of(p.name(), bad), null, null));
    }

    // ---- bodies --------------------------------------------------------------------------------

    private Gen<Malformed> jsonBody(OpenApiDocument.Operation op) {
        ObjectNode base = example(op.body()) instanceof ObjectNode o ? o : NODES.objectNode();
        List<String> fields = new ArrayList<>();
        base.fieldNames().forEachRemaining(fields::add);
        List<String> strings = fieldsOfType(op.body(), base, "string");
        List<String> numbers = fieldsOfType(op.body(), base, "number");
        List<String> enums = fields.stream().filter(f -> op.body().path("properties").path(f).has("enum")).toList();
        List<String> required = new ArrayList<>();
        op.body().path("required").forEach(r -> required.add(r.asText()));
        String path = validPath(op);
        String media = op.mediaType();

        List<Gen<Malformed>> kinds = new ArrayList<>();
        List<String> notObjects = op.bodyRequired() ? List.of("", "[]", "42", "\"texto\"", "null", "true", "[{}]")
                : List.of("[]", "42", "\"texto\"", "true", "[{}]");
        kinds.add(Generate.pick(notObjects).map(b ->
                request(op, "not a JSON object", op.method(), path, Map.of(), b.getBytes(StandardCharsets.UTF_8), media)));
        kinds.add(Generate.range(0, 5).zip(Generate.range(1, 1000), (how, at) -> {
            String whole = base.toString();
            String broken = switch (how) {
                case 0 -> whole.substring(0, Math.max(1, Math.min(whole.length() - 1, at % whole.length())));
                case 1 -> whole + "}}";
                case 2 -> whole.replace('"', '\'');
                case 3 -> whole + "x";
                case 4 -> "{,}";
                default -> whole.replaceFirst(":", "::");
            };
            return request(op, "broken JSON", op.method(), path, Map.of(), broken.getBytes(StandardCharsets.UTF_8), media);
        }));
        kinds.add(Generate.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/csv",
                "multipart/form-data; boundary=x")).zip(Generate.range(0, 1_000_000), (type, n) ->
                request(op, "wrong content type " + type, op.method(), path, Map.of("X-Request-Id", "campaign-" + n),
                        base.toString().getBytes(StandardCharsets.UTF_8), type)));
        // rarer than the others: a megabyte each, and one is as telling as many
        Gen<Malformed> hugeBody = Generate.range(0, 200_000).map(n -> {
            ObjectNode huge = base.deepCopy();
            huge.put(fields.isEmpty() ? "relleno" : fields.get(0), "x".repeat(1_050_000 + n));
            return request(op, "body over the 1 MB limit", op.method(), path, Map.of(), huge.toString().getBytes(StandardCharsets.UTF_8), media);
        });
        if (!fields.isEmpty()) {
            kinds.add(Generate.pick(fields).zip(Generate.range(0, 3), Generate.range(0, 1_000_000), (field, which, n) -> {
                ObjectNode wrong = base.deepCopy();
                wrong.set(field, wrongType(base.get(field), which, n));
                return request(op, "wrong type of " + field, op.method(), path, Map.of(), bytes(wrong), media);
            }));
        }
        if (!required.isEmpty()) {
            kinds.add(Generate.pick(required).zip(Generate.range(0, 1_000_000), (field, n) -> {
                ObjectNode missing = base.deepCopy();
                missing.remove(field);
                missing.put("campoDesconocido" + n, "extra");
                return request(op, "missing " + field + " (and an extra field)", op.method(), path, Map.of(), bytes(missing), media);
            }));
        }
        if (!strings.isEmpty()) {
            kinds.add(Generate.pick(strings).zip(Generate.range(0, 4), Generate.range(0, 1_000_000), (field, how, n) -> {
                ObjectNode bad = base.deepCopy();
                String mutation;
                byte[] body;
                switch (how) {
                    case 0 -> {
                        bad.put(field, "vaca" + n + "\u0000negra");
                        mutation = "NUL in " + field;
                        body = bytes(bad);
                    }
                    case 1 -> {
                        bad.put(field, n + BAD_UTF8_MARK);
                        mutation = "invalid UTF-8 in " + field;
                        body = invalidUtf8(bytes(bad));
                    }
                    case 2 -> {
                        bad.put(field, "x".repeat(100_000 + n % 200_000));
                        mutation = "100,000-character " + field;
                        body = bytes(bad);
                    }
                    case 3 -> {
                        bad.put(field, "\uD83D");
                        mutation = "lone surrogate in " + field;
                        body = ("{\"" + field + "\":\"\\uD83D\"" + rest(base, field) + "}").getBytes(StandardCharsets.UTF_8);
                    }
                    default -> {
                        bad.put(field, "x".repeat(5_000 + n % 5_000));
                        mutation = "5,000-character " + field;
                        body = bytes(bad);
                    }
                }
                return request(op, mutation, op.method(), path, Map.of(), body, media);
            }));
        }
        if (!numbers.isEmpty()) {
            kinds.add(Generate.pick(numbers).zip(Generate.pick(List.of("1e4", "-1e4", "92233720368547758", "-92233720368547758", "1e2", "-1e2",
                    "1234567890123456789012345")), Generate.range(1, 99_999), (field, stem, n) -> {
                // beyond every range: huge exponents, digits past a long, astronomical amounts
                String number = stem.contains("e") ? stem + String.format("%05d", n).replaceFirst("^0+", "") + "0" : stem + n;
                String body = "{\"" + field + "\":" + number + rest(base, field) + "}";
                return request(op, "out-of-range " + field + "=" + number, op.method(), path, Map.of(),
                        body.getBytes(StandardCharsets.UTF_8), media);
            }));
        }
        if (!enums.isEmpty()) {
            kinds.add(Generate.pick(enums).zip(Generate.pick(List.of("no_existe", "", "PILOTO ", "piloto\u0000", "1")), Generate.range(0, 1_000_000), (field, stem, n) -> {
                ObjectNode bad = base.deepCopy();
                String value = stem.isEmpty() || stem.equals("1") ? (n % 2 == 0 ? stem : String.valueOf(n % 10)) : stem + n;
                bad.put(field, value);
                return request(op, "unknown " + field + " '" + value + "'", op.method(), path, Map.of(), bytes(bad), media);
            }));
        }
        return Generate.frequency(org.quicktheories.api.Pair.of(12, Generate.pick(kinds).flatMap(g -> g)),
                org.quicktheories.api.Pair.of(1, hugeBody));
    }

    /** The CSV import: rows a farm app should never be able to import, and no CSV at all. */
    private Gen<Malformed> textBody(OpenApiDocument.Operation op) {
        String path = validPath(op);
        List<byte[]> bodies = List.of(
                "arete;sexo\n".getBytes(StandardCharsets.UTF_8),
                "earTag,sex,birthDate\nA\u0000B,hembra,2020-01-01\n".getBytes(StandardCharsets.UTF_8),
                invalidUtf8(("earTag,sex,birthDate\n" + BAD_UTF8_MARK + ",hembra,2020-01-01\n").getBytes(StandardCharsets.UTF_8)),
                ("earTag,sex,birthDate\n" + "x".repeat(100_000) + ",hembra,2020-01-01\n").getBytes(StandardCharsets.UTF_8),
                "earTag,sex,birthDate\nCO-1,yegua,2020-13-45\n".getBytes(StandardCharsets.UTF_8),
                "\"earTag,sex\nCO-1\"\",hembra".getBytes(StandardCharsets.UTF_8),
                new byte[0]);
        Gen<Malformed> rows = Generate.pick(bodies).zip(Generate.range(0, 1_000_000), (body, n) ->
                request(op, "malformed CSV", op.method(), path, Map.of("Idempotency-Key", "campaign-" + n), body, op.mediaType()));
        Gen<Malformed> json = Generate.range(0, 1_000_000).map(n -> request(op, "JSON instead of CSV", op.method(), path, Map.of(),
                ("{\"earTag\":\"CO-" + n + "\"}").getBytes(StandardCharsets.UTF_8), "application/json"));
        Gen<Malformed> huge = Generate.range(0, 1_000_000).map(n -> request(op, "CSV over the 10 MB limit", op.method(), path,
                Map.of("Idempotency-Key", "campaign-" + n),
                ("earTag,sex,birthDate\n" + "CO-1,hembra,2020-01-01\n".repeat(480_000)).getBytes(StandardCharsets.UTF_8), op.mediaType()));
        return Generate.frequency(org.quicktheories.api.Pair.of(12, rows), org.quicktheories.api.Pair.of(3, json),
                org.quicktheories.api.Pair.of(1, huge));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Malformed request(OpenApiDocument.Operation op, String mutation, String method, String path,
                              Map<String, String> extraHeaders, byte[] body, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.leastRole() != null) {
            headers.put("Authorization", "Bearer " + seeds.adminToken());
        } else if (op.path().startsWith(PlatformApis.FARM_APP_PREFIX)) {
            headers.put("X-API-Key", seeds.apiKey());
        }
        for (OpenApiDocument.Parameter p : op.parameters()) {
            if (p.in().equals("header") && seeds.headerValues().containsKey(p.name() + " " + op.path())) {
                headers.put(p.name(), seeds.headerValues().get(p.name() + " " + op.path()));
            } else if (p.in().equals("header") && p.name().equals("Idempotency-Key")) {
                headers.put(p.name(), UUID.randomUUID().toString());
            }
        }
        if (body != null && contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.putAll(extraHeaders);
        return new Malformed(op, mutation, method, op.baseUrl() + path, headers, body);
    }

    private String validPath(OpenApiDocument.Operation op) {
        return fill(op, Map.of());
    }

    private String fill(OpenApiDocument.Operation op, Map<String, String> overrides) {
        String path = op.path();
        for (OpenApiDocument.Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                String value = overrides.getOrDefault(p.name(), seeds.pathValues().getOrDefault(p.name(), UUID.randomUUID().toString()));
                path = path.replace("{" + p.name() + "}", value);
            }
        }
        return path;
    }

    /** A body the operation would take, from its schema; values that still fail a lookup where acting would be harmful. */
    static JsonNode example(JsonNode schema) {
        return example(schema, "", 0);
    }

    private static JsonNode example(JsonNode schema, String name, int depth) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(e -> object.set(e.getKey(), example(e.getValue(), e.getKey(), depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(example(schema.path("items"), name, depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 10.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> {
                String format = schema.path("format").asText("");
                if (format.equals("date")) {
                    yield NODES.textNode("2026-11-28");
                } else if (format.equals("date-time")) {
                    yield NODES.textNode("2026-11-28T10:00:00Z");
                } else if (format.equals("uuid")) {
                    yield NODES.textNode(UUID.randomUUID().toString());
                } else if (lower.contains("version")) {
                    yield NODES.textNode("9.9.9");
                } else if (lower.equals("slot")) {
                    yield NODES.textNode("purple");
                } else if (lower.contains("url")) {
                    yield NODES.textNode("http://127.0.0.1:9/hook");
                }
                yield NODES.textNode("valor-" + (name.isEmpty() ? "x" : name));
            }
        };
    }

    private static List<String> fieldsOfType(JsonNode schema, ObjectNode base, String kind) {
        List<String> found = new ArrayList<>();
        base.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            boolean matches = kind.equals("string") ? v.isTextual() && !schema.path("properties").path(e.getKey()).has("enum") : v.isNumber();
            if (matches) {
                found.add(e.getKey());
            }
        });
        return found;
    }

    private static JsonNode wrongType(JsonNode value, int which, int n) {
        List<JsonNode> options = value != null && value.isTextual()
                ? List.of(NODES.numberNode(n), NODES.booleanNode(true), NODES.objectNode().put("v", n), NODES.arrayNode().add("x" + n))
                : value != null && value.isNumber()
                ? List.of(NODES.textNode("mucho" + n), NODES.booleanNode(false), NODES.objectNode().put("v", n), NODES.arrayNode().add(n))
                : value != null && (value.isArray() || value.isObject())
                ? List.of(NODES.textNode("x"), NODES.numberNode(7), NODES.booleanNode(true), value.isArray() ? NODES.objectNode() : NODES.arrayNode())
                : List.of(NODES.textNode("si"), NODES.numberNode(1), NODES.objectNode(), NODES.arrayNode());
        return options.get(which % options.size());
    }

    /** The other fields of {@code base} as {@code ,"f":v…}, to splice a raw value in first. */
    private static String rest(ObjectNode base, String except) {
        StringBuilder out = new StringBuilder();
        base.fields().forEachRemaining(e -> {
            if (!e.getKey().equals(except)) {
                out.append(',').append(NODES.textNode(e.getKey())).append(':').append(e.getValue());
            }
        });
        return out.toString();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the mark (escaped, as JSON writes it, or raw in a CSV) with bytes that are not UTF-8. */
    private static byte[] invalidUtf8(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String escaped = NODES.textNode(BAD_UTF8_MARK).toString();
        escaped = escaped.substring(1, escaped.length() - 1);
        String raw = new String(BAD_UTF8_MARK.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String bad = new String(new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80}, StandardCharsets.ISO_8859_1);
        return (text.contains(escaped) ? text.replace(escaped, bad) : text.replace(raw, bad)).getBytes(StandardCharsets.ISO_8859_1);
    }
}

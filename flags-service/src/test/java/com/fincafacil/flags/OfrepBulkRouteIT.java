package com.fincafacil.flags;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.fincafacil.flags.FlagApi.as;
import static com.fincafacil.flags.FlagApi.createPhase;
import static com.fincafacil.flags.FlagApi.ofrepContext;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk evaluation is a plain Vert.x route (OfrepBulkRoute): what it answers must stay what the
 * JAX-RS method it replaced answered, including the edges Quarkus REST used to handle for it
 * (content negotiation, methods, body limits, query rules, metrics, the OpenAPI entry).
 */
@QuarkusTest
class OfrepBulkRouteIT {

    private static final String BULK = "/ofrep/v1/evaluate/flags";

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void every_flag_in_the_bulk_answer_is_what_single_evaluation_says() {
        String context = ofrepContext("finca-same", "produccion_controlada", "1.2.0");
        var bulk = given().contentType("application/json").body(context).when().post(BULK);
        bulk.then().statusCode(200).contentType("application/json;charset=UTF-8")
                .header("ETag", matchesPattern("\"[0-9a-f]+-[0-9a-f]+\""));
        List<Map<String, Object>> flags = bulk.jsonPath().getList("flags");
        assertTrue(flags.size() >= 6, "the seed's six flags at least");
        for (Map<String, Object> flag : flags) {
            Map<String, Object> single = given().contentType("application/json").body(context)
                    .when().post(BULK + "/" + flag.get("key")).then().statusCode(200).extract().jsonPath().getMap("");
            assertEquals(single, flag);
        }
    }

    @Test
    void the_etag_sent_back_is_304_with_the_etag_and_no_body_and_any_other_value_is_200() throws Exception {
        String context = ofrepContext("finca-304", "piloto", "1.2.0");
        String etag = given().contentType("application/json").body(context).when().post(BULK).header("ETag");
        HttpResponse<String> same = send(post(context).header("If-None-Match", etag));
        assertEquals(304, same.statusCode());
        assertEquals(etag, same.headers().firstValue("ETag").orElse(null));
        assertEquals("", same.body());
        assertEquals(200, send(post(context).header("If-None-Match", "W/" + etag)).statusCode());
        assertEquals(200, send(post(context).header("If-None-Match", "*")).statusCode());
    }

    @Test
    void concurrent_requests_each_get_their_own_answer_and_a_flag_change_a_new_etag() throws Exception {
        String flagEtag = createPhase("FASE_BULK_CONCURRENT", 50);
        List<String> contexts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            contexts.add(ofrepContext("finca-c" + i, i % 2 == 0 ? "piloto" : "produccion_abierta", "1." + i + ".0"));
        }
        List<HttpResponse<String>> alone = new ArrayList<>();
        for (String context : contexts) {
            alone.add(send(post(context)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> together = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String context : contexts) {
                    together.add(pool.submit(() -> send(post(context))));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                HttpResponse<String> answer = together.get(i).get();
                HttpResponse<String> expected = alone.get(i % contexts.size());
                assertEquals(200, answer.statusCode());
                assertEquals(expected.body(), answer.body());
                assertEquals(expected.headers().firstValue("ETag"), answer.headers().firstValue("ETag"));
            }
        } finally {
            pool.shutdownNow();
        }
        as("operator").header("If-Match", flagEtag).body("{\"porcentaje_rollout\":60,\"reason\":\"x\"}")
                .when().patch("/api/v1/flags/FASE_BULK_CONCURRENT").then().statusCode(200);
        HttpResponse<String> after = send(post(contexts.get(0)));
        assertNotEquals(alone.get(0).headers().firstValue("ETag"), after.headers().firstValue("ETag"));
        assertEquals(200, send(post(contexts.get(0)).header("If-None-Match", alone.get(0).headers().firstValue("ETag").orElseThrow()))
                .statusCode());
    }

    @Test
    void a_body_that_is_not_utf8_or_not_json_is_an_ofrep_parse_error() throws Exception {
        byte[] latin1 = ofrepContext("finca-\u00e9", "piloto", "1.2.0").getBytes(StandardCharsets.ISO_8859_1);
        assertOfrepError(send(post(latin1)), "PARSE_ERROR");
        byte[] rawNul = ofrepContext("finca-\u0000", "piloto", "1.2.0").getBytes(StandardCharsets.UTF_8);
        assertOfrepError(send(post(rawNul)), "PARSE_ERROR");
        assertOfrepError(send(post("[]")), "PARSE_ERROR");
        assertOfrepError(send(post("{\"context\":")), "PARSE_ERROR");
        assertOfrepError(send(post("")), "INVALID_CONTEXT");
        assertOfrepError(send(post("{\"context\":{\"nivel_despliegue\":\"piloto\"}}")), "TARGETING_KEY_MISSING");
    }

    @Test
    void an_escaped_nul_in_the_targeting_key_is_evaluated_as_before() throws Exception {
        // the context never reaches the database, so OFREP has always taken any text as a finca id
        HttpResponse<String> answer = send(post(ofrepContext("fi\\u0000nca", "piloto", "1.2.0")));
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("FASE_8_DATA_QUALITY"));
    }

    @Test
    void a_body_over_ten_megabytes_is_413_with_or_without_a_length_and_two_megabytes_are_read() throws Exception {
        String context = ofrepContext("finca-big", "piloto", "1.2.0");
        byte[] huge = ("{\"pad\":\"" + "a".repeat(11_000_000) + "\"," + context.substring(1)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = send(post(huge));
        assertEquals(413, declared.statusCode());
        assertEquals("application/problem+json", declared.headers().firstValue("Content-Type").orElse(null));
        assertTrue(declared.body().contains("\"code\":\"payload_too_large\""), declared.body());
        assertTrue(declared.body().contains("at most 10485760 bytes"), declared.body());
        HttpResponse<String> chunked = send(request().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));
        assertEquals(413, chunked.statusCode());
        byte[] two = ("{\"pad\":\"" + "a".repeat(2_000_000) + "\"," + context.substring(1)).getBytes(StandardCharsets.UTF_8);
        assertEquals(200, send(post(two)).statusCode());
        assertEquals(200, send(request().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(two)))).statusCode());
        // the connection pool is still usable after a refused body
        assertEquals(200, send(post(context)).statusCode());
    }

    @Test
    void any_content_type_or_none_is_read_as_json() throws Exception {
        String context = ofrepContext("finca-ct", "piloto", "1.2.0");
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=UTF-8")) {
            assertEquals(200, send(request().header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(context))).statusCode(), type);
        }
        assertEquals(200, send(request().POST(HttpRequest.BodyPublishers.ofString(context))).statusCode());
    }

    @Test
    void an_accept_header_without_json_is_406_problem_json_in_the_callers_language() {
        String context = ofrepContext("finca-accept", "piloto", "1.2.0");
        given().contentType("application/json").accept("text/plain").body(context).when().post(BULK).then().statusCode(406)
                .contentType("application/problem+json").body("code", equalTo("not_acceptable"))
                .header("Content-Language", "en");
        given().contentType("application/json").accept("application/xml").header("Accept-Language", "es").body(context)
                .when().post(BULK).then().statusCode(406).header("Content-Language", "es-CO")
                .body("title", equalTo("Formato no disponible"));
        given().contentType("application/json").accept("text/html, application/*;q=0.5").body(context)
                .when().post(BULK).then().statusCode(200);
    }

    @Test
    void other_methods_are_405_naming_post_and_options_answers_as_before() {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            given().when().request(method, BULK).then().statusCode(405).header("Allow", "POST")
                    .contentType("application/problem+json").body("code", equalTo("method_not_allowed"));
        }
        given().header("Accept-Language", "es").when().get(BULK).then().statusCode(405).body("title", equalTo("Método no permitido"));
        given().when().head(BULK).then().statusCode(405).header("Allow", "POST");
        given().when().options(BULK).then().statusCode(200).header("Allow", "HEAD, POST, GET, OPTIONS");
    }

    @Test
    void a_query_parameter_with_a_nul_or_broken_utf8_is_400_naming_it() {
        String context = ofrepContext("finca-q", "piloto", "1.2.0");
        given().urlEncodingEnabled(false).contentType("application/json").body(context).when().post(BULK + "?a=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid_parameter")).body("field", equalTo("a"));
        given().urlEncodingEnabled(false).contentType("application/json").body(context).when().post(BULK + "?a=%C3%28")
                .then().statusCode(400).body("detail", containsString("not valid UTF-8"));
        given().contentType("application/json").body(context).when().post(BULK + "?a=b").then().statusCode(200);
        // and the JAX-RS routes, whose RequestRules filter shares the same check
        given().urlEncodingEnabled(false).contentType("application/json").body(context)
                .when().post(BULK + "/FASE_8_DATA_QUALITY?a=%00").then().statusCode(400).body("field", equalTo("a"));
        given().contentType("application/json").body(context).when().post(BULK + "/").then().statusCode(200);
    }

    @Test
    void bulk_requests_are_counted_in_the_http_server_metrics() throws Exception {
        double before = bulkCount();
        for (int i = 0; i < 3; i++) {
            send(post(ofrepContext("finca-metrics", "piloto", "1.2.0")));
        }
        // other spellings of the address count under its template, not as series of their own
        given().urlEncodingEnabled(false).contentType("application/json").body(ofrepContext("finca-metrics", "piloto", "1.2.0"))
                .when().post("/ofrep//v1/evaluate/flags/").then().statusCode(200);
        assertEquals(before + 4, bulkCount(), 0.0);
        String metrics = given().when().get("/q/metrics").then().extract().asString();
        assertTrue(!metrics.contains("uri=\"/ofrep//v1"), "no series for a spelling of the address");
    }

    @Test
    void the_openapi_document_still_describes_bulk_evaluation() {
        JsonPath doc = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> post = doc.getMap("paths.'/ofrep/v1/evaluate/flags'.post");
        assertTrue(post != null, "POST /ofrep/v1/evaluate/flags is in the document");
        given().accept("application/json").when().get("/q/openapi?format=json").then()
                .body("paths.'/ofrep/v1/evaluate/flags'.post.tags", hasItem("OFREP"))
                .body("paths.'/ofrep/v1/evaluate/flags'.post.parameters.name", hasItem("If-None-Match"))
                .body("paths.'/ofrep/v1/evaluate/flags'.post.requestBody.content", org.hamcrest.Matchers.hasKey("*/*"))
                .body("paths.'/ofrep/v1/evaluate/flags/{key}'.post.tags", hasItem("OFREP"));
    }

    private double bulkCount() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("method=\"POST\"")
                        && l.contains("status=\"200\"") && l.contains("uri=\"" + BULK + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void assertOfrepError(HttpResponse<String> answer, String code) {
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("application/json;charset=UTF-8", answer.headers().firstValue("Content-Type").orElse(null));
        JsonPath body = new JsonPath(answer.body());
        assertEquals(code, body.getString("errorCode"));
        assertTrue(!body.getString("errorDetails").isBlank());
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + BULK));
    }

    private HttpRequest.Builder post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder post(byte[] body) {
        return request().header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

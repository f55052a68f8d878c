package com.fincafacil.release.console;

import com.fincafacil.testing.TestPlatform;
import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's sign-in, session cookie, CSRF check, roles and language, through HTTP (no browser). */
@QuarkusTest
class ConsoleSessionIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static String code(String role) {
        return TestPlatform.shared().tokens().mintConsoleCode("test-" + role, role, Duration.ofHours(1), Duration.ofMinutes(5));
    }

    /** Signs in with a fresh one-time code; the session cookie's value. */
    static String signIn(String role) {
        return given().redirects().follow(false).queryParam("code", code(role)).when().get("/console/login")
                .then().statusCode(200).extract().cookie("ff_console");
    }

    private static String csrf(String session) {
        String page = given().cookie("ff_console", session).when().get("/console/releases").then().statusCode(200).extract().asString();
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "an operator's page carries the CSRF token in its forms");
        return m.group(1);
    }

    @Test
    void a_one_time_code_becomes_a_strict_http_only_session_cookie_once() {
        String code = code("operator");
        Response first = given().redirects().follow(false).queryParam("code", code).when().get("/console/login");
        assertEquals(200, first.statusCode());
        String setCookie = first.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("ff_console=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/console"), setCookie);
        given().cookie("ff_console", first.getCookie("ff_console")).when().get("/console").then().statusCode(200)
                .body(containsString("Ahora")).body(containsString("test-operator"));
        given().redirects().follow(false).queryParam("code", code).when().get("/console/login").then().statusCode(400)
                .body(containsString("ya se usó"));
        given().queryParam("code", "not-a-code").when().get("/console/login").then().statusCode(400);
    }

    @Test
    void the_code_itself_opens_no_api_and_the_api_keeps_its_bearer_tokens() {
        given().header("Authorization", "Bearer " + code("admin")).when().get("/api/v1/releases").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases").then().statusCode(200);
        given().when().get("/api/v1/releases").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void without_a_session_the_console_says_how_to_sign_in_in_spanish_or_english() {
        given().when().get("/console").then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("./fincafacil console")).body(containsString("Inicie sesión"));
        given().header("Accept-Language", "en-GB,en;q=0.9").when().get("/console").then().statusCode(401)
                .body(containsString("Please sign in"));
        given().cookie("ff_lang", "en").header("Accept-Language", "es").when().get("/console").then().statusCode(401)
                .body(containsString("Please sign in"));
    }

    @Test
    void a_form_post_without_the_sessions_csrf_token_changes_nothing() {
        String session = signIn("operator");
        String token = csrf(session);
        given().cookie("ff_console", session).formParam("version", "9.9.9").formParam("kind", "patch")
                .when().post("/console/releases").then().statusCode(403).body(containsString("formulario"));
        given().cookie("ff_console", session).formParam("_csrf", "forged").formParam("version", "9.9.9").formParam("kind", "patch")
                .when().post("/console/releases").then().statusCode(403);
        String other = signIn("operator");
        given().cookie("ff_console", other).formParam("_csrf", token).formParam("version", "9.9.9").formParam("kind", "patch")
                .when().post("/console/releases").then().statusCode(403);
        // with its own token the form reaches planning, which refuses it with the API's own words for the same plan
        String apiSays = given().header("Authorization", TestTokens.bearer("operator")).header("Accept-Language", "es")
                .contentType("application/json").body("{\"version\":\"9.9.9\",\"kind\":\"patch\"}").when().post("/api/v1/releases")
                .then().statusCode(422).extract().path("detail");
        assertTrue(apiSays.contains("hay un paso major, no patch"), "the API says it in Spanish when asked: " + apiSays);
        given().cookie("ff_console", session).formParam("_csrf", token).formParam("version", "9.9.9").formParam("kind", "patch")
                .when().post("/console/releases").then().statusCode(422).body(containsString(apiSays))
                .body(containsString("No se puede hacer ahora"));
    }

    @Test
    void a_refusal_is_told_in_the_operators_language_not_the_apis_english() {
        String session = signIn("operator");
        String token = csrf(session);
        given().cookie("ff_console", session).header("X-CSRF-Token", token).formParam("version", "x.y").formParam("kind", "patch")
                .when().post("/console/releases").then().statusCode(400)
                .body(containsString("&#39;x.y&#39; no es una versión semántica")).body(not(containsString("is not a semantic version")));
        given().cookie("ff_console", session).cookie("ff_lang", "en").header("X-CSRF-Token", token).formParam("version", "x.y")
                .formParam("kind", "patch").when().post("/console/releases").then().statusCode(400)
                .body(containsString("is not a semantic version"));
        given().cookie("ff_console", session).queryParam("from", "yesterday").when().get("/console/releases").then().statusCode(200)
                .body(containsString("desde debe ser una fecha ISO"));
    }

    /** A GET's form used to be read (the CSRF filter's @WithFormRead), and a malformed multipart body failed with a 500. */
    @Test
    void a_get_with_a_multipart_body_is_a_400_not_a_500() throws Exception {
        String session = signIn("viewer");
        String wellFormed = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b--\r\n";
        for (String path : new String[] {"/console/releases", "/console/signed-out", "/api/v1/releases"}) {
            for (String body : new String[] {"garbage", wellFormed}) {
                java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path))
                        .header("Cookie", "ff_console=" + session).header("Authorization", TestTokens.bearer("viewer"))
                        .header("Content-Type", "multipart/form-data; boundary=b").header("Accept-Language", "es")
                        .method("GET", java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(400, answer.statusCode(), path + ": " + answer.body());
                assertTrue(answer.body().contains("no lleva formulario"), answer.body());
            }
        }
        // without a body the same page is there
        given().cookie("ff_console", session).when().get("/console/releases").then().statusCode(200);
    }

    @Test
    void an_address_or_release_that_does_not_exist_is_a_page_in_the_console_and_a_problem_in_the_api() {
        String session = signIn("viewer");
        for (String path : new String[] {"/console/releases/not-a-uuid", "/console/releases/" + java.util.UUID.randomUUID(),
                "/console/nowhere"}) {
            given().cookie("ff_console", session).when().get(path).then().statusCode(404).contentType(containsString("text/html"))
                    .body(containsString("No existe"));
        }
        given().cookie("ff_console", session).cookie("ff_lang", "en").when().get("/console/releases/not-a-uuid").then()
                .statusCode(404).body(containsString("That address or release does not exist"));
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("viewer")).when().put("/api/v1/releases")
                .then().statusCode(405).contentType("application/problem+json");
    }
}

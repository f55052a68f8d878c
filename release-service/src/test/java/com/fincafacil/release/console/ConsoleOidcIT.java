package com.fincafacil.release.console;

import com.fincafacil.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console configured for an OIDC provider (a stand-in speaking discovery, authorize, token and
 * JWKS): a real Chromium goes through the authorization-code flow, the provider's group claim
 * becomes the console role, and the APIs keep their bearer tokens.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class ConsoleOidcIT {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    private Browser signedIn(String user, String group) {
        OidcStandIn.user = user;
        OidcStandIn.group = group;
        String base = root.toString().replaceAll("/$", "");
        Browser browser = Browser.open(base, 1280, 1000, "es-CO,es");
        browser.go("/console/releases");
        browser.await(Duration.ofSeconds(15), d -> d.getCurrentUrl().equals(base + "/console/releases") && browser.present("h1"));
        return browser;
    }

    @Test
    void an_operator_group_signs_in_through_the_code_flow_and_may_act() {
        try (Browser b = signedIn("ana", "fincafacil-operator")) {
            assertEquals("Versiones", b.text("h1"));
            assertTrue(b.text("header").contains("ana"), b.text("header"));
            assertTrue(b.present("#plan-form"), "an operator may plan");
        }
    }

    @Test
    void a_viewer_group_finds_no_action_and_is_refused_when_posting_anyway() {
        try (Browser b = signedIn("luis", "fincafacil-viewer")) {
            assertFalse(b.present("#plan-form"), "no plan form for a viewer");
            assertEquals(403, b.postFromPage("/console/releases"));
        }
    }

    @Test
    void a_group_the_mapping_does_not_name_grants_no_role() {
        try (Browser b = signedIn("eva", "admin")) {
            assertTrue(b.text("main").contains("Su rol no permite"), b.text("main"));
        }
    }

    @Test
    void the_console_sends_a_stranger_to_the_provider_and_the_api_keeps_its_bearer_tokens() {
        given().redirects().follow(false).when().get("/console").then().statusCode(302)
                .header("Location", startsWith("http://127.0.0.1"));
        given().redirects().follow(false).queryParam("code", ConsoleSessionIT.code("admin")).when().get("/console/login")
                .then().statusCode(302);
        given().header("Authorization", TestTokens.bearer("viewer")).when().get("/api/v1/releases").then().statusCode(200);
        given().when().get("/api/v1/releases").then().statusCode(401).contentType("application/problem+json");
    }
}

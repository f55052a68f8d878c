package com.fincafacil.release.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OIDC provider on a JDK HttpServer that speaks what Quarkus' code flow uses: discovery, an
 * authorization endpoint that signs in {@link #user} with {@link #group} at once (no login form)
 * and redirects back with a code, a token endpoint that trades the code for RS256-signed ID and
 * access tokens, and the JWKS they are verified with. Hand-written rather than WireMock's
 * quarkus-test-oidc-server so that each test chooses who signs in and with which group.
 */
public class OidcStandIn implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "fincafacil-console";
    static volatile String user = "ana";
    static volatile String group = "fincafacil-operator";

    private static final KeyPair KEYS = keys();
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private HttpServer server;
    private String issuer;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/fincafacil";
            server.createContext("/realms/fincafacil/.well-known/openid-configuration", e -> json(e, 200, discovery()));
            server.createContext("/realms/fincafacil/jwks", e -> json(e, 200, jwks()));
            server.createContext("/realms/fincafacil/authorize", this::authorize);
            server.createContext("/realms/fincafacil/token", this::token);
            server.start();
            return Map.of("fincafacil.release.console.oidc.enabled", "true",
                    "quarkus.oidc.console.auth-server-url", issuer,
                    "quarkus.oidc.console.client-id", CLIENT_ID,
                    "quarkus.oidc.console.credentials.secret", "stand-in-secret");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String discovery() {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\",\"token_endpoint\":\""
                + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private static String jwks() {
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"k1\",\"n\":\"" + base64(key.getModulus().toByteArray())
                + "\",\"e\":\"" + base64(key.getPublicExponent().toByteArray()) + "\"}]}";
    }

    /** Signs {@link #user} in straight away and sends the browser back with a one-time code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        Map<String, String> grant = new HashMap<>(Map.of("user", user, "group", group, "client", query.getOrDefault("client_id", "")));
        if (query.containsKey("nonce")) {
            grant.put("nonce", query.get("nonce"));
        }
        codes.put(code, grant);
        String back = query.get("redirect_uri") + "?code=" + code + "&state=" + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> grant = codes.remove(body.getOrDefault("code", ""));
        if (!"authorization_code".equals(body.get("grant_type")) || grant == null) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        var id = Jwt.issuer(issuer).subject(grant.get("user")).audience(grant.get("client")).claim("preferred_username", grant.get("user"))
                .groups(Set.of(grant.get("group"))).expiresIn(600);
        if (grant.containsKey("nonce")) {
            id.claim("nonce", grant.get("nonce"));
        }
        String access = Jwt.issuer(issuer).subject(grant.get("user")).upn(grant.get("user")).groups(Set.of(grant.get("group")))
                .expiresIn(600).jws().keyId("k1").sign(KEYS.getPrivate());
        json(exchange, 200, "{\"access_token\":\"" + access + "\",\"id_token\":\"" + id.jws().keyId("k1").sign(KEYS.getPrivate())
                + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded == null ? new String[0] : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Base64url of a big-endian unsigned number (without BigInteger's sign byte). */
    private static String base64(byte[] number) {
        int skip = number.length > 1 && number[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(number, skip, number.length));
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

package com.fincafacil.platformtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what, on the whole platform, generated from the OpenAPI documents so a new endpoint
 * cannot escape: every operator endpoint and control verb refuses a missing token (401) and too
 * low a role (403); farm-app routes refuse a missing or unknown API key; tokens with a wrong
 * signature, a wrong issuer or past their expiry are refused everywhere; API keys and webhook
 * secrets are never stored or logged in clear.
 */
@org.junit.jupiter.api.extension.ExtendWith(RunningPlatform.Shared.class)
class SecurityIT {

    private static final List<String> ROLES = List.of("viewer", "operator", "admin");
    private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";

    private static RunningPlatform platform;
    private static List<OpenApiDocument> documents;

    @BeforeAll
    static void platform(RunningPlatform shared) throws Exception {
        platform = shared;
        documents = PlatformApis.documents(platform);
    }

    @Test
    void every_operator_endpoint_and_control_verb_refuses_no_token_and_too_low_a_role() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> checked = new TreeMap<>();
        for (OpenApiDocument.Operation op : PlatformApis.operations(documents)) {
            if (op.leastRole() == null) {
                continue;
            }
            checked.merge(op.service(), 1, Integer::sum);
            expect(wrong, op, null, 401);
            expect(wrong, op, "Bearer not-a-token", 401);
            int rank = ROLES.indexOf(op.leastRole());
            assertTrue(rank >= 0, op + " names an unknown role " + op.leastRole());
            // a viewer endpoint's "too low" is a valid token that carries no role at all
            String lower = rank == 0 ? signed(platformKey(), com.fincafacil.platform.OperatorTokens.ISSUER, Set.of(), Instant.now().plusSeconds(600))
                    : platform.token(ROLES.get(rank - 1));
            expect(wrong, op, "Bearer " + lower, 403);
        }
        assertEquals(List.of(), wrong, "operations answering other than 401/403 without the right role");
        assertEquals(Set.of("farm-service", "flags-service", "release-service", "incident-service", "control API"), checked.keySet(),
                "every service's operator endpoints were checked: " + checked);
        assertTrue(checked.values().stream().mapToInt(Integer::intValue).sum() > 50, "operations checked: " + checked);
    }

    @Test
    void every_route_without_an_operator_role_is_a_farm_app_route_that_needs_the_fincas_key_or_is_public_by_design() throws Exception {
        List<String> wrong = new ArrayList<>();
        int farmRoutes = 0;
        for (OpenApiDocument.Operation op : PlatformApis.operations(documents)) {
            if (op.leastRole() != null || PlatformApis.PUBLIC_PREFIXES.stream().anyMatch(op.path()::startsWith)) {
                continue;
            }
            if (!op.service().equals("farm-service") || !op.path().startsWith(PlatformApis.FARM_APP_PREFIX)) {
                wrong.add(op + ": no security requirement and not a farm-app or public route");
                continue;
            }
            farmRoutes++;
            expectWithKey(wrong, op, null, 401);
            expectWithKey(wrong, op, "ff_" + UUID.randomUUID(), 401);
        }
        assertEquals(List.of(), wrong);
        assertTrue(farmRoutes >= 15, "farm-app routes checked: " + farmRoutes);
    }

    @Test
    void tokens_with_a_wrong_signature_a_wrong_issuer_or_past_their_expiry_are_refused_by_every_service() throws Exception {
        PrivateKey stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String issuer = com.fincafacil.platform.OperatorTokens.ISSUER;
        Set<String> allRoles = Set.copyOf(ROLES);
        Map<String, String> bad = Map.of(
                "wrong signature", signed(stranger, issuer, allRoles, Instant.now().plusSeconds(600)),
                "wrong issuer", signed(platformKey(), "https://attacker.example/operators", allRoles, Instant.now().plusSeconds(600)),
                "expired an hour ago", signed(platformKey(), issuer, allRoles, Instant.now().minusSeconds(3600)),
                "unsigned (alg none)", unsigned(issuer, allRoles));
        List<String> wrong = new ArrayList<>();
        for (OpenApiDocument document : documents) {
            OpenApiDocument.Operation read = document.operations().stream()
                    .filter(o -> o.method().equals("GET") && o.leastRole() != null && !o.path().contains("{"))
                    .findFirst().orElseThrow(() -> new AssertionError(document.service() + " has no operator GET without parameters"));
            int good = send(read, "Bearer " + platform.token("admin")).statusCode();
            if (good != 200) {
                wrong.add(read + " with a good admin token: " + good);
            }
            bad.forEach((what, token) -> {
                try {
                    int status = send(read, "Bearer " + token).statusCode();
                    if (status != 401) {
                        wrong.add(read + " with a token " + what + ": " + status);
                    }
                } catch (Exception e) {
                    wrong.add(read + " with a token " + what + ": " + e);
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void api_keys_and_webhook_secrets_are_in_no_database_in_clear_and_in_no_log() throws Exception {
        String traffic = platform.url("traffic");
        String admin = platform.token("admin");
        JsonNode finca = PlatformApis.postJson(traffic + "/api/v1/admin/fincas", admin,
                "{\"name\":\"Finca Secreta\",\"department\":\"Meta\",\"municipality\":\"Puerto López\",\"deploymentLevel\":\"piloto\"}");
        String fincaId = finca.path("id").asText();
        String apiKey = PlatformApis.postJson(traffic + "/api/v1/admin/fincas/" + fincaId + "/api-keys", admin,
                "{\"label\":\"app del mayordomo\"}").path("key").asText();
        assertTrue(apiKey.length() > 20, "the key is answered once: " + apiKey);
        HttpResponse<String> used = PlatformApis.send(PlatformApis.request(traffic + "/api/v1/fincas/" + fincaId)
                .header("X-API-Key", apiKey).GET().build());
        assertEquals(200, used.statusCode(), used.body());
        HttpResponse<String> refused = PlatformApis.send(PlatformApis.request(traffic + "/api/v1/fincas/" + fincaId)
                .header("X-API-Key", apiKey + "x").GET().build());
        assertEquals(401, refused.statusCode(), "a key one character off: " + refused.body());

        String webhookSecret = "T0SECRET" + UUID.randomUUID().toString().replace("-", "");
        JsonNode channel = PlatformApis.postJson(platform.url("incident-service") + "/api/v1/announcements/channels", admin,
                "{\"name\":\"status-" + UUID.randomUUID() + "\",\"kind\":\"SLACK\",\"url\":\"http://127.0.0.1:9/services/"
                        + webhookSecret + "\",\"events\":[\"GO_LIVE\"]}");
        assertTrue(!channel.toString().contains(webhookSecret), "the answer masks the URL: " + channel);

        List<String> found = new ArrayList<>();
        for (String secret : List.of(apiKey, webhookSecret)) {
            found.addAll(inDatabases(secret));
            found.addAll(inLogs(secret));
        }
        assertEquals(List.of(), found, "secrets found in clear");
    }

    /** Every table of every database on the platform's PostgreSQL whose rows, as text, contain {@code secret}. */
    private static List<String> inDatabases(String secret) throws Exception {
        List<String> databases = new ArrayList<>();
        try (Connection c = platform.database("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        assertTrue(databases.containsAll(List.of("farm", "flags", "incident", "release")), "databases: " + databases);
        List<String> found = new ArrayList<>();
        for (String database : databases) {
            try (Connection c = platform.database(database)) {
                for (String table : RunningPlatform.tables(c)) {
                    try (var query = c.prepareStatement("SELECT count(*) FROM " + table + " t WHERE position(? in t::text) > 0")) {
                        query.setString(1, secret);
                        try (ResultSet rs = query.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(database + "." + table + " (" + rs.getLong(1) + " rows)");
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> inLogs(String secret) throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(platform.home())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".log")).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(secret)) {
                    found.add(platform.home().relativize(file).toString());
                }
            }
        }
        return found;
    }

    private static void expect(List<String> wrong, OpenApiDocument.Operation op, String authorization, int status) throws Exception {
        HttpResponse<String> answer = send(op, authorization);
        if (answer.statusCode() != status) {
            wrong.add(op + " with " + (authorization == null ? "no token" : authorization.length() > 20 ? "a token" : authorization)
                    + ": " + answer.statusCode() + " (expected " + status + ")");
        } else if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            wrong.add(op + ": " + status + " is not problem+json");
        }
    }

    private static void expectWithKey(List<String> wrong, OpenApiDocument.Operation op, String key, int status) throws Exception {
        HttpRequest.Builder request = builder(op);
        if (key != null) {
            request.header("X-API-Key", key);
        }
        HttpResponse<String> answer = PlatformApis.send(request.build());
        if (answer.statusCode() != status) {
            wrong.add(op + " with " + (key == null ? "no key" : "an unknown key") + ": " + answer.statusCode() + " (expected " + status + ")");
        }
    }

    private static HttpResponse<String> send(OpenApiDocument.Operation op, String authorization) throws Exception {
        HttpRequest.Builder request = builder(op);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return PlatformApis.send(request.build());
    }

    /** The operation with placeholder path parameters and, when it takes one, an empty JSON body. */
    private static HttpRequest.Builder builder(OpenApiDocument.Operation op) {
        String path = op.path().replaceAll("\\{[^}]+}", NO_SUCH_ID);
        HttpRequest.Builder request = PlatformApis.request(op.baseUrl() + path);
        if (op.takesBody()) {
            request.header("Content-Type", op.mediaType());
            return request.method(op.method(), HttpRequest.BodyPublishers.ofString(op.mediaType().contains("json") ? "{}" : "x"));
        }
        return request.method(op.method(), HttpRequest.BodyPublishers.noBody());
    }

    private static PrivateKey platformKey() throws Exception {
        String pem = Files.readString(platform.home().resolve("keys").resolve(com.fincafacil.platform.OperatorTokens.PRIVATE_KEY_FILE));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String signed(PrivateKey key, String issuer, Set<String> groups, Instant expiresAt) {
        return Jwt.issuer(issuer).subject("platform-tests").upn("platform-tests").groups(groups)
                .issuedAt(expiresAt.minusSeconds(7200)).expiresAt(expiresAt).jws().sign(key);
    }

    private static String unsigned(String issuer, Set<String> groups) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"x\",\"upn\":\"x\",\"groups\":"
                + groups.stream().map(g -> "\"" + g + "\"").toList() + ",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}

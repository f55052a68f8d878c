package com.fincafacil.platform;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The local platform's token authority: an RSA key pair kept in a directory, and signed operator
 * tokens the services verify with the public half. In production any OIDC provider replaces it.
 */
public final class OperatorTokens {

    public static final String ISSUER = "https://fincafacil.local/operators";
    public static final String PUBLIC_KEY_FILE = "publicKey.pem";
    public static final String PRIVATE_KEY_FILE = "privateKey.pem";
    /** Lowest first: a role also grants every role before it. */
    public static final List<String> ROLES = List.of("viewer", "operator", "admin");

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private OperatorTokens(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads the key pair from {@code dir}, creating it the first time. */
    public static OperatorTokens inDirectory(Path dir) throws IOException {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(privateFile)));
            return new OperatorTokens(key, publicFile);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read the token keys in " + dir, e);
        }
    }

    /** The public half, as the services and the launcher's control API verify tokens with it. */
    public static java.security.PublicKey readPublicKey(Path publicKeyPem) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(der(publicKeyPem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read the public key " + publicKeyPem, e);
        }
    }

    private static byte[] der(Path pem) throws IOException {
        return Base64.getMimeDecoder().decode(Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", ""));
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A signed token for {@code role} (viewer, operator or admin), valid for {@code ttl}. */
    public String mint(String subject, String role, Duration ttl) {
        int rank = ROLES.indexOf(role);
        if (rank < 0) {
            throw new IllegalArgumentException("unknown role '" + role + "'; use one of " + ROLES);
        }
        Set<String> groups = new LinkedHashSet<>(ROLES.subList(0, rank + 1));
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(groups)
                .expiresIn(ttl).jws().sign(privateKey);
    }

    /** The claim that marks a console sign-in code, and its value. */
    public static final String PURPOSE_CLAIM = "purpose";
    public static final String CONSOLE_LOGIN = "console-login";

    /**
     * A one-time console sign-in code valid for {@code ttl}: it grants no role itself (no groups,
     * so no API accepts it), it carries in its {@code tok} claim an operator token for {@code role}
     * valid for {@code sessionTtl}, and its {@code jti} lets release-service spend it once.
     */
    public String mintConsoleCode(String subject, String role, Duration sessionTtl, Duration ttl) {
        String session = mint(subject, role, sessionTtl);
        return Jwt.issuer(ISSUER).subject(subject).claim(PURPOSE_CLAIM, CONSOLE_LOGIN).claim("tok", session)
                .claim("jti", java.util.UUID.randomUUID().toString()).expiresIn(ttl).jws().sign(privateKey);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

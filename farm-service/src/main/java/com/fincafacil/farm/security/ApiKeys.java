package com.fincafacil.farm.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API key material: 256 random bits, shown once; only the SHA-256 is kept. */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String PREFIX = "ff_";

    private ApiKeys() {
    }

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        return sha256Hex(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** What is shown to tell keys apart: the prefix and a few characters. */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(10, key.length()));
    }
}

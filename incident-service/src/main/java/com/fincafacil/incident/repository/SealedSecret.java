package com.fincafacil.incident.repository;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret column (a webhook URL, whose path is the credential) sealed with AES-GCM under
 * {@code fincafacil.incident.secret-key}, so a database dump or backup does not carry it in clear.
 * A value stored before sealing existed reads as it is; {@code ChannelSealing} seals those at start.
 */
@Converter
public class SealedSecret implements AttributeConverter<String, String> {

    static final String PREFIX = "aesgcm:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static SecretKeySpec key() {
        String encoded = ConfigProvider.getConfig().getValue("fincafacil.incident.secret-key", String.class);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("fincafacil.incident.secret-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("fincafacil.incident.secret-key must be 32 bytes (base64 of 32 random bytes)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    static boolean sealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    @Override
    public String convertToDatabaseColumn(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret column", e);
        }
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        if (!sealed(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never the value itself in the message: it is a secret
            throw new IllegalStateException("a sealed secret column cannot be opened with fincafacil.incident.secret-key");
        }
    }
}

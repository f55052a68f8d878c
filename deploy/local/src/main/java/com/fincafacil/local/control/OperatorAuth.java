package com.fincafacil.local.control;

import com.fincafacil.platform.OperatorTokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks operator bearer tokens the way the services do (same key, issuer and {@code groups}
 * claim), so the control API accepts exactly the tokens {@code ./fincafacil token} mints.
 */
public final class OperatorAuth {

    /** The answer for one request. */
    public enum Verdict { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    private final JwtConsumer consumer;

    private OperatorAuth(JwtConsumer consumer) {
        this.consumer = consumer;
    }

    public static OperatorAuth withPublicKey(Path publicKeyPem) throws IOException {
        return new OperatorAuth(new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(OperatorTokens.ISSUER)
                .setSkipDefaultAudienceValidation()
                .setVerificationKey(OperatorTokens.readPublicKey(publicKeyPem))
                .build());
    }

    /** {@code authorization} is the raw header; {@code role} the lowest role the verb needs. */
    public Verdict check(String authorization, String role) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.UNAUTHENTICATED;
        }
        try {
            JwtClaims claims = consumer.processToClaims(authorization.substring(7).trim());
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            return groups.contains(role) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Verdict.UNAUTHENTICATED;
        }
    }
}

package com.fincafacil.release.rest.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token the console passes on to flags-service and incident-service, so they apply their own
 * roles to the signed-in operator: the OIDC session's access token (issued for the APIs, unlike
 * the ID token), else the platform token of the local session cookie.
 */
final class OperatorToken {

    private OperatorToken() {
    }

    static String of(SecurityIdentity who) {
        AccessTokenCredential access = who.getCredential(AccessTokenCredential.class);
        if (access != null) {
            return access.getToken();
        }
        return who.getPrincipal() instanceof JsonWebToken token ? token.getRawToken() : "";
    }
}

package com.fincafacil.farm.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The {@code X-API-Key} a farm app sent, handed from {@link ApiKeyMechanism} to {@link ApiKeyIdentityProvider}. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}

package com.fincafacil.farm.security;

import com.fincafacil.commons.rest.ProblemMappers;
import com.fincafacil.commons.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Turns an API key into the identity of its finca's farm app: role {@code farm-app}, attribute {@code fincaId}. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    /** The identity attribute holding the finca the key belongs to. */
    public static final String FINCA = "fincaId";

    private final ApiKeyVerifier verifier;

    public ApiKeyIdentityProvider(ApiKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        // the verifier may read the database: never on the event loop
        return context.runBlocking(() -> identity(verifier.fincaOf(request.key())));
    }

    private static SecurityIdentity identity(Optional<UUID> finca) {
        UUID id = finca.orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key",
                Map.of(ProblemMappers.REFUSED_HEADER, ApiKeyMechanism.HEADER)));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("finca:" + id))
                .addRole(Roles.FARM_APP)
                .addAttribute(FINCA, id)
                .build();
    }

    /** The finca of a farm app's identity, if this identity is one. */
    public static Optional<UUID> fincaOf(SecurityIdentity identity) {
        return Optional.ofNullable(identity.getAttribute(FINCA));
    }
}

package com.fincafacil.release.rest.console;

import com.fincafacil.commons.security.Roles;
import com.fincafacil.release.config.ReleaseConfig;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * An operator signed in through the OIDC code flow gets the console role the provider's role
 * claim maps to ({@code fincafacil.release.console.oidc.roles.<value>=<role>}), and every role
 * below it, as the platform's own tokens carry them; the provider's other values are dropped.
 * Bearer tokens of the API (smallrye-jwt) carry no ID token and pass unchanged.
 */
@ApplicationScoped
public class ConsoleOidcRoles implements SecurityIdentityAugmentor {

    /** Lowest first: a role grants itself and those before it. */
    private static final List<String> RANKED = List.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN);

    private final Map<String, String> mapping;

    public ConsoleOidcRoles(ReleaseConfig config) {
        this.mapping = config.console().oidc().roles();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) == null) {
            return Uni.createFrom().item(identity);
        }
        int rank = identity.getRoles().stream().map(mapping::get).filter(java.util.Objects::nonNull).mapToInt(RANKED::indexOf).max().orElse(-1);
        QuarkusSecurityIdentity.Builder mapped = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes());
        RANKED.subList(0, rank + 1).forEach(mapped::addRole);
        return Uni.createFrom().item(mapped.build());
    }
}

package com.fincafacil.farm.security;

import com.fincafacil.commons.refusal.Refusal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.UUID;

/**
 * The one place a finca's data is guarded: every route whose path has a {@code {fincaId}} serves a
 * farm app only its own finca, and another finca's id answers the same 404 as an unknown one. A
 * route needs no call of its own to be guarded, so a new route cannot forget it. Operator routes
 * (those naming their roles with {@code @RolesAllowed}) are left to their roles, but a farm app's
 * key still sees no other finca there.
 */
@ApplicationScoped
public class FincaAccessFilter {

    public static final String PATH_PARAMETER = "fincaId";

    private final SecurityIdentity identity;

    public FincaAccessFilter(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public void guard(ContainerRequestContext request, ResourceInfo resource) {
        String asked = request.getUriInfo().getPathParameters().getFirst(PATH_PARAMETER);
        if (asked == null) {
            return;
        }
        Optional<UUID> own = ApiKeyIdentityProvider.fincaOf(identity);
        if (own.isEmpty()) {
            if (!forOperators(resource)) {
                throw Refusal.of(Refusal.Kind.UNAUTHENTICATED, ApiKeyMechanism.HEADER, "unauthorized");
            }
            return;
        }
        if (!own.get().toString().equalsIgnoreCase(asked)) {
            throw Refusal.notFound("finca_not_found", "fincaId", asked);
        }
    }

    private static boolean forOperators(ResourceInfo resource) {
        return resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                || resource.getResourceClass().isAnnotationPresent(RolesAllowed.class);
    }
}

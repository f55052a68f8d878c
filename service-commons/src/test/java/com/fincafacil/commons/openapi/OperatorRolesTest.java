package com.fincafacil.commons.openapi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OperatorRolesTest {

    @Path("/api/v1/things/")
    static class ThingResource {
        @GET
        @RolesAllowed({"admin", "viewer"})
        public String list() {
            return "";
        }

        @DELETE
        @Path("{id: [0-9a-f-]+}")
        @RolesAllowed("operator")
        public void delete() {
        }

        @GET
        @Path("{id}")
        public String open() {
            return "";
        }
    }

    @Test
    void roles_come_from_rolesallowed_least_first_under_the_path_openapi_writes() throws Exception {
        OperatorRoles roles = OperatorRoles.from(Index.of(ThingResource.class));
        Operation list = OASFactory.createOperation();
        roles.state("GET", "/api/v1/things", list);
        assertEquals(List.of("viewer", "admin"), list.getExtensions().get(OperatorRoles.EXTENSION));
        assertEquals("Operator roles: viewer, admin.", list.getDescription());

        Operation delete = OASFactory.createOperation().description("Deletes a thing.");
        roles.state("delete", "/api/v1/things/{id}", delete);
        assertEquals(List.of("operator"), delete.getExtensions().get(OperatorRoles.EXTENSION));
        assertEquals("Deletes a thing.\n\nOperator roles: operator.", delete.getDescription());

        Operation open = OASFactory.createOperation();
        roles.state("GET", "/api/v1/things/{id}", open);
        assertNull(open.getExtensions());
        assertNull(open.getDescription());
    }

    @Test
    void paths_lose_regular_expressions_and_extra_slashes() {
        assertEquals("/a/{id}/b", OperatorRoles.openApiPath("a//{ id : [0-9]+ }/b/"));
        assertEquals("/", OperatorRoles.openApiPath("/"));
    }
}

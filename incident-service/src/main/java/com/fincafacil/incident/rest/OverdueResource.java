package com.fincafacil.incident.rest;

import com.fincafacil.commons.security.Roles;
import com.fincafacil.incident.service.IncidentQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

/** Post-mortems due and not written, oldest due first. */
@Path("/api/v1/postmortems/overdue")
public class OverdueResource {

    private final IncidentQueries queries;

    public OverdueResource(IncidentQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<IncidentViews.IncidentView> overdue() {
        return queries.overdue().stream().map(IncidentViews.IncidentView::of).toList();
    }
}

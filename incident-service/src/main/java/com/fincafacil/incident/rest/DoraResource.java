package com.fincafacil.incident.rest;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.incident.domain.dora.DoraReport;
import com.fincafacil.incident.domain.dora.DoraText;
import com.fincafacil.incident.service.DoraService;
import com.fincafacil.incident.service.ReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/** DORA metrics (docs/incident-api.md, "DORA metrics"). */
@Path("/api/v1/dora")
public class DoraResource {

    static final int MAX_DAYS = 3650;

    private final DoraService dora;
    private final ReportService reports;

    public DoraResource(DoraService dora, ReportService reports) {
        this.dora = dora;
        this.reports = reports;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public DoraReport get(@QueryParam("days") String days, @QueryParam("environment") String environment) {
        return dora.compute(environment(environment), days(days));
    }

    @GET
    @Path("/text")
    @Produces("text/plain;charset=UTF-8")
    @RolesAllowed(Roles.VIEWER)
    public String text(@QueryParam("days") String days, @QueryParam("environment") String environment) {
        return DoraText.render(dora.compute(environment(environment), days(days)), reports.zone());
    }

    private int days(String text) {
        if (text == null) {
            return dora.defaultDays();
        }
        try {
            int days = Integer.parseInt(text.trim());
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Refusal.invalid("days", "out_of_range", "min", 1, "max", MAX_DAYS);
    }

    private String environment(String text) {
        if (text == null) {
            return dora.defaultEnvironment();
        }
        if (text.isBlank() || text.length() > 60 || !text.matches("[A-Za-z0-9_.-]+")) {
            throw Refusal.invalid("environment", "invalid_environment", "max", 60);
        }
        return text;
    }
}

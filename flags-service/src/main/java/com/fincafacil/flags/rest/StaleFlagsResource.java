package com.fincafacil.flags.rest;

import com.fincafacil.commons.security.Roles;
import com.fincafacil.flags.config.FlagsConfig;
import com.fincafacil.flags.domain.StaleFlag;
import com.fincafacil.flags.domain.StalePolicy;
import com.fincafacil.flags.domain.TrackedFlag;
import com.fincafacil.flags.domain.PhaseFlag;
import com.fincafacil.flags.repository.FlagRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** Flags fully rolled out or fully off that nobody touched for N days: candidates for removal from code. */
@Path("/api/v1/reports/stale-flags")
@Tag(name = "Reports")
public class StaleFlagsResource {

    private final FlagRepository flags;
    private final FlagsConfig config;

    public StaleFlagsResource(FlagRepository flags, FlagsConfig config) {
        this.flags = flags;
        this.config = config;
    }

    public record StaleReport(int days, List<StaleFlag> flags) {
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Flags at 0 % or 100 % unchanged for `days` days (default from configuration)")
    public StaleReport stale(@QueryParam("days") @Min(1) @Max(3650) Integer days) {
        int n = days == null ? config.staleDays() : days;
        List<TrackedFlag> tracked = new java.util.ArrayList<>();
        for (var row : flags.inFileOrder()) {
            if (row.toDomain() instanceof PhaseFlag phase) {
                tracked.add(new TrackedFlag(phase, row.updatedAt.toInstant()));
            }
        }
        return new StaleReport(n, new StalePolicy(n).staleFlags(tracked, Instant.now()));
    }
}

package com.fincafacil.flags.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.security.Roles;
import com.fincafacil.flags.repository.AuditEntry;
import com.fincafacil.flags.repository.AuditRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;

/** The audit log: every change with who, when, why, and the definition before and after. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
public class AuditResource {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AuditRepository audit;

    public AuditResource(AuditRepository audit) {
        this.audit = audit;
    }

    public record AuditView(long id, String flagKey, String action, String actor, OffsetDateTime at, String reason,
                            JsonNode before, JsonNode after) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.flagKey, e.action, e.actor, e.at, e.reason, json(e.before), json(e.after));
        }
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Newest changes first, optionally for one flag")
    public List<AuditView> list(@QueryParam("flag") String flagKey,
                                @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.newestFirst(flagKey, limit).stream().map(AuditView::of).toList();
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored audit JSON is unreadable", e);
        }
    }
}

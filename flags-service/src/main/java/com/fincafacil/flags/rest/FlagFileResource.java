package com.fincafacil.flags.rest;

import com.fincafacil.commons.security.Roles;
import com.fincafacil.flags.file.FlagFileException;
import com.fincafacil.flags.service.FlagDefinitions;
import com.fincafacil.flags.service.FlagImportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seed's {@code config/feature_flags.json}, exported and imported as it is. */
@Path("/api/v1/flag-file")
@Tag(name = "Flag file")
public class FlagFileResource {

    private final FlagImportService imports;

    public FlagFileResource(FlagImportService imports) {
        this.imports = imports;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Export every flag in the seed's feature_flags.json format")
    @APIResponse(responseCode = "200", description = "The flags as a feature_flags.json file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public String export() {
        return imports.export();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Make the store equal to a feature_flags.json file; a file with any error changes nothing")
    public FlagImportService.ImportResult importFile(String body, @QueryParam("reason") @NotBlank String reason,
                                                     @Context SecurityContext security) {
        try {
            return imports.importFile(body, FlagAdminResource.actor(security), reason);
        } catch (FlagFileException e) {
            throw FlagDefinitions.refusal(e, path -> path).summarized("flag_file_refused", "count", e.errors().size());
        }
    }
}

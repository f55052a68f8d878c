package com.fincafacil.farm.rest;

import com.fincafacil.farm.domain.bi.HerdKpis;
import com.fincafacil.farm.domain.quality.DataQualityReport;
import com.fincafacil.farm.security.ApiKeys;
import com.fincafacil.farm.service.CsvImportService;
import com.fincafacil.farm.service.FincaService;
import com.fincafacil.farm.service.IdempotencyService;
import com.fincafacil.farm.service.ModuleService;
import com.fincafacil.farm.service.ReportService;
import com.fincafacil.flags.client.FlagAnswer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Collection;
import java.util.UUID;

/** A farm app's own finca: its details, its modules, the CSV import and the flag-gated reports. */
@Path("/api/v1/fincas/{fincaId}")
@Tag(name = "Finca (farm app)")
public class FarmAppResource {

    public static final String APP_VERSION = ModuleService.APP_VERSION;

    private final FincaService fincas;
    private final ModuleService modules;
    private final ReportService reports;
    private final CsvImportService imports;
    private final IdempotencyService idempotency;

    public FarmAppResource(FincaService fincas, ModuleService modules, ReportService reports,
                           CsvImportService imports, IdempotencyService idempotency) {
        this.fincas = fincas;
        this.modules = modules;
        this.reports = reports;
        this.imports = imports;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(operationId = "getOwnFinca", summary = "The finca this API key belongs to")
    public FincaResource.FincaView finca(@PathParam("fincaId") UUID fincaId) {
        return FincaResource.FincaView.of(fincas.get(fincaId));
    }

    @GET
    @Path("/modules")
    @Operation(operationId = "listModules", summary = "Which modules and alert levels are on for this finca, with reason and source")
    public Collection<FlagAnswer> modules(@PathParam("fincaId") UUID fincaId, @HeaderParam(APP_VERSION) String appVersion) {
        return modules.all(fincas.get(fincaId), appVersion).values();
    }

    @GET
    @Path("/data-quality")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = DataQualityReport.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.MODULE_OFF)
    @Operation(operationId = "getDataQuality", summary = "Data-quality report (FASE_8_DATA_QUALITY): duplicates, implausible weights, missing birth dates, score")
    public DataQualityReport dataQuality(@PathParam("fincaId") UUID fincaId, @HeaderParam(APP_VERSION) String appVersion) {
        return reports.dataQuality(fincas.get(fincaId), appVersion);
    }

    @GET
    @Path("/analytics/kpis")
    @APIResponse(responseCode = "200", description = "The KPIs",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = HerdKpis.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.MODULE_OFF)
    @Operation(operationId = "getKpis", summary = "Herd KPIs (FASE_37_BI_ANALYTICS): head count by category, daily gain, births and revenue per month")
    public HerdKpis kpis(@PathParam("fincaId") UUID fincaId, @HeaderParam(APP_VERSION) String appVersion) {
        return reports.kpis(fincas.get(fincaId), appVersion);
    }

    @POST
    @Path("/imports/animals")
    @Consumes({"text/csv", "text/plain", "application/octet-stream"})
    @APIResponse(responseCode = "200", description = "The import: rows read, imported and skipped (already in the finca)",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = CsvImportService.ImportResult.class)))
    @APIResponse(responseCode = "422", description = "A row names a dam the finca lacks or one born after its calf, or the "
            + "Idempotency-Key was used for another file (errors[] has one entry per line)")
    @Operation(operationId = "importAnimals", summary = "Import animals from a CSV file (docs/farm-csv-import.md): all rows or none")
    public Response importAnimals(@PathParam("fincaId") UUID fincaId, @HeaderParam(IdempotencyService.HEADER) String key,
                                  @Context UriInfo uri, byte[] file) {
        byte[] body = file == null ? new byte[0] : file;
        // the file's digest stands for the body: storing 5 MB per key would help nobody
        String digest = key == null ? null : ApiKeys.sha256Hex(body);
        return Idempotent.respond(idempotency.execute(fincaId.toString(), key, Idempotent.request(uri, digest), 200,
                () -> imports.importAnimals(fincaId, body)));
    }
}

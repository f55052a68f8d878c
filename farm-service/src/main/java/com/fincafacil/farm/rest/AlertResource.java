package com.fincafacil.farm.rest;

import com.fincafacil.farm.service.AlertService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** A finca's alerts (BAJA/MEDIA/ALTA/CRITICA with confianza_ia), newest first. */
@Path("/api/v1/fincas/{fincaId}/alerts")
@Tag(name = "Alerts")
public class AlertResource {

    private final AlertService alerts;

    /** Who acknowledged, as the alert records it: the finca's app (its key names the finca, not a person). */
    static final String FARM_APP = "farm app";

    public AlertResource(AlertService alerts) {
        this.alerts = alerts;
    }

    @GET
    @APIResponse(responseCode = "200", description = "Alerts, newest first",
            headers = {@Header(name = "X-Total-Count", description = ApiDocs.TOTAL, schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Link", description = ApiDocs.NEXT, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FarmViews.AlertView.class)))
    @Operation(operationId = "listAlerts", summary = "List alerts; acknowledged=false for open ones; X-Total-Count and Link rel=next headers")
    public RestResponse<List<FarmViews.AlertView>> list(@PathParam("fincaId") UUID fincaId, @Context UriInfo uri,
                                                        @QueryParam("acknowledged") Boolean acknowledged,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(FarmViews.MAX_PAGE) int page,
                                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return Pages.of(alerts.list(fincaId, acknowledged, page, size), FarmViews.AlertView::of, page, size, uri);
    }

    @POST
    @Path("/{alertId}/acknowledge")
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an alert (idempotent by nature)")
    public FarmViews.AlertView acknowledge(@PathParam("fincaId") UUID fincaId, @PathParam("alertId") UUID alertId) {
        return FarmViews.AlertView.of(alerts.acknowledge(fincaId, alertId, FARM_APP));
    }
}

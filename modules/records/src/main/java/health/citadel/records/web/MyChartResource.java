package health.citadel.records.web;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.records.internal.chart.ClinicalChart;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A patient's own chart, as the patient sees it. */
@Path("/v1/me/chart")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyChartResource {

    @Inject
    ClinicalChart chart;

    @GET
    @RequiresPermission(Permission.READ_OWN_CHART)
    @Operation(summary = "My chart", description = "For a patient: their demographics (the national identifier "
            + "masked) and every current entry of their chart. Audited as READ, so it appears in who looked at it.")
    public ClinicalChart.Chart mine() {
        return chart.ownChart();
    }
}

package health.citadel.records.web.pages;

import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.StrictJson;
import health.citadel.records.internal.chart.ChartExport;
import health.citadel.records.internal.chart.ClinicalChart;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A patient's own chart, read-only, from the service behind {@code GET /api/v1/me/chart} (audited as READ), and
 * its download: the export of {@code GET /api/v1/patients/{id}/export} for their own id (audited as EXPORT), which
 * the access policy allows a patient without a second factor, as they have none.
 */
@Path("/my-chart")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class MyChartPage {

    /** The download's name: the same for every patient, so that it names no one. */
    static final String EXPORT_FILE = "my-chart-export.json";

    @Inject
    ClinicalChart chart;

    @Inject
    ChartExport export;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @RequiresPermission(Permission.READ_OWN_CHART)
    public Page mine() {
        ClinicalChart.Chart mine = chart.ownChart();
        Map<String, List<List<EntryFields.Field>>> entries = new LinkedHashMap<>();
        mine.entries().forEach((kind, list) -> entries.put(kind, list.stream().map(entry -> EntryFields.of(entry.content())).toList()));
        return new Page("records/my-chart", Map.of("patient", mine.patient(), "entries", entries));
    }

    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.EXPORT_CHART)
    public Response download() {
        UUID own = currentCaller.get().patientId();
        if (own == null) {
            throw RequestRefused.notFound("this login is linked to no chart");
        }
        // bound as the API binds it, so the download is the API's export byte for byte in shape
        return Response.ok(StrictJson.BINDER.toJson(export.export(own)), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + EXPORT_FILE + "\"").build();
    }
}

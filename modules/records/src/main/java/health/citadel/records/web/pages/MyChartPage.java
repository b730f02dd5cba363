package health.citadel.records.web.pages;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.records.internal.ClinicalChart;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A patient's own chart, read-only, from the service behind {@code GET /api/v1/me/chart} (audited as READ). */
@Path("/my-chart")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class MyChartPage {

    @Inject
    ClinicalChart chart;

    @GET
    @RequiresPermission(Permission.READ_OWN_CHART)
    public Page mine() {
        ClinicalChart.Chart mine = chart.ownChart();
        Map<String, List<List<EntryFields.Field>>> entries = new LinkedHashMap<>();
        mine.entries().forEach((kind, list) -> entries.put(kind, list.stream().map(entry -> EntryFields.of(entry.content())).toList()));
        return new Page("records/my-chart", Map.of("patient", mine.patient(), "entries", entries));
    }
}

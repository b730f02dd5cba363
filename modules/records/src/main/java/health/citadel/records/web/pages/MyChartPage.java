package health.citadel.records.web.pages;

import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.StrictJson;
import health.citadel.records.internal.ChartExport;
import health.citadel.records.internal.ClinicalChart;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** One value of an entry, named as its field is. */
    public record Field(String name, String value) {
    }

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
        Map<String, List<List<Field>>> entries = new LinkedHashMap<>();
        mine.entries().forEach((kind, list) -> entries.put(kind, list.stream().map(entry -> fields(entry.content())).toList()));
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

    /** The fields an entry's content has a value for; each kind's content is a record of its own shape. */
    private static List<Field> fields(Object content) {
        if (content == null || !content.getClass().isRecord()) {
            return List.of(new Field("content", String.valueOf(content)));
        }
        return Arrays.stream(content.getClass().getRecordComponents())
                .map(component -> new Field(component.getName(), value(component, content)))
                .filter(field -> field.value() != null)
                .toList();
    }

    private static String value(RecordComponent component, Object content) {
        try {
            return Objects.toString(component.getAccessor().invoke(content), null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

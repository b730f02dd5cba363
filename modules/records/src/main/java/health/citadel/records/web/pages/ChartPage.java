package health.citadel.records.web.pages;

import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.EmergencyAccess;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.Parameters;
import health.citadel.records.internal.chart.ClinicalChart;
import health.citadel.records.internal.chart.EntryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A patient's chart for a clinician, from the service behind {@code GET /api/v1/patients/{id}/chart}: demographics
 * masked and every current entry by kind, for the care team or under break-the-glass only, audited as READ (a
 * refusal audited as DENIED).
 */
@Path("/patients/{id}")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class ChartPage {

    /** One kind's entries, newest first, each with the fields it holds. */
    public record Section(String path, String title, String singular, String one, boolean editable,
                          List<Row> entries) {
    }

    /** One entry: what the form to change it names, and its fields. */
    public record Row(UUID id, List<EntryFields.Field> fields) {
    }

    @Inject
    ClinicalChart clinicalChart;

    @Inject
    EmergencyAccess emergencyAccess;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @RequiresPermission(Permission.READ_CLINICAL)
    public Response chart(@PathParam("id") String id) {
        UUID patientId = Parameters.uuid("id", id);
        try {
            return shown(clinicalChart.chart(patientId));
        } catch (RequestRefused refused) {
            if (refused.status() == Response.Status.FORBIDDEN && currentCaller.get().may(Permission.BREAK_THE_GLASS)) {
                // refused and audited by the service; a clinician is shown the way in for an emergency
                return Response.status(Response.Status.FORBIDDEN)
                        .entity(new Page("records/chart-refused", Map.of("patientId", patientId))).build();
            }
            throw refused;
        }
    }

    private Response shown(ClinicalChart.Chart chart) {
        List<Section> sections = ClinicianPages.ORDER.stream().map(kind -> section(kind, chart)).toList();
        return Response.ok(new Page("records/chart", Map.of("patient", chart.patient(), "sections", sections,
                "banners", ClinicianPages.banner(emergencyAccess, chart.patient().id()),
                "mayReveal", currentCaller.get().may(Permission.REVEAL_IDENTIFIER)))).build();
    }

    private static Section section(EntryKind kind, ClinicalChart.Chart chart) {
        List<Row> rows = chart.entries().getOrDefault(kind.path(), List.of()).stream()
                .map(entry -> new Row(entry.id(), EntryFields.of(entry.content()))).toList();
        return new Section(kind.path(), ClinicianPages.section(kind), ClinicianPages.singular(kind),
                ClinicianPages.one(kind), ClinicianPages.editable(kind), rows);
    }
}

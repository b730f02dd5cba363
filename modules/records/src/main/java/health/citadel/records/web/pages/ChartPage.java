package health.citadel.records.web.pages;

import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.EmergencyAccess;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.web.Parameters;
import health.citadel.records.internal.ClinicalChart;
import health.citadel.records.internal.EntryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    public Page chart(@PathParam("id") String id) {
        UUID patientId = Parameters.uuid("id", id);
        ClinicalChart.Chart chart = clinicalChart.chart(patientId);
        List<Section> sections = ClinicianPages.ORDER.stream().map(kind -> section(kind, chart)).toList();
        return new Page("records/chart", Map.of("patient", chart.patient(), "sections", sections,
                "banners", ClinicianPages.banner(emergencyAccess, patientId),
                "mayReveal", currentCaller.get().may(Permission.REVEAL_IDENTIFIER)));
    }

    private static Section section(EntryKind kind, ClinicalChart.Chart chart) {
        List<Row> rows = chart.entries().getOrDefault(kind.path(), List.of()).stream()
                .map(entry -> new Row(entry.id(), EntryFields.of(entry.content()))).toList();
        return new Section(kind.path(), ClinicianPages.section(kind), ClinicianPages.singular(kind),
                ClinicianPages.one(kind), ClinicianPages.editable(kind), rows);
    }
}

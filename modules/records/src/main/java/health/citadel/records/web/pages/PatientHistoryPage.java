package health.citadel.records.web.pages;

import health.citadel.identity.api.EmergencyAccess;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.Parameters;
import health.citadel.records.internal.ChartHistory;
import health.citadel.records.internal.patient.PatientHistory;
import health.citadel.records.internal.patient.PatientRegister;
import health.citadel.records.internal.patient.PatientView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A patient's revisions as a timeline, two of them side by side, and a revert to an earlier one with a reason,
 * through the services behind {@code /api/v1/patients/{id}/history}, {@code /diff} and {@code /revert}. The revert
 * is based on the version the page showed, as If-Match is.
 */
@Path("/patients/{id}/history")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class PatientHistoryPage {

    @Inject
    PatientHistory history;

    @Inject
    PatientRegister register;

    @Inject
    EmergencyAccess emergencyAccess;

    @Inject
    Validator validator;

    @Context
    UriInfo uri;

    @GET
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    public Page timeline(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return page(Parameters.uuid("id", id), from, to, null, "", "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.WRITE_DEMOGRAPHICS)
    public Response revert(@PathParam("id") String id, @FormParam("version") String version,
                           @FormParam("toRevision") String toRevision, @FormParam("reason") String reason) {
        UUID patientId = Parameters.uuid("id", id);
        String reasonError = ClinicianPages.reasonError(validator, reason);
        if (reasonError != null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(patientId, null, null, toRevision, reason == null ? "" : reason.strip(), reasonError))
                    .build();
        }
        history.revert(patientId, number("version", version), number("toRevision", toRevision), reason.strip());
        return ClinicianPages.seeOther(uri, "patients", patientId, "history");
    }

    /** The timeline; the diff of {@code from} and {@code to}, by default of the last change. */
    private Page page(UUID patientId, String from, String to, String toRevision, String reason, String reasonError) {
        List<ChartHistory.Revision> revisions = history.revisions(patientId);
        PatientView patient = register.read(patientId);
        Map<String, Object> model = new HashMap<>();
        int count = revisions.size();
        long left = from != null ? number("from", from) : count > 1 ? revisions.get(count - 2).revision() : 0;
        long right = to != null ? number("to", to) : count > 1 ? revisions.get(count - 1).revision() : 0;
        model.put("diff", left > 0 && right > 0 ? history.diff(patientId, left, right) : List.of());
        model.put("from", left);
        model.put("to", right);
        model.put("patient", patient);
        model.put("revisions", revisions);
        model.put("toRevision", toRevision != null && toRevision.matches("[1-9][0-9]{0,17}") ? Long.parseLong(toRevision) : 0L);
        model.put("reason", reason);
        model.put("reasonError", reasonError);
        model.put("banners", ClinicianPages.banner(emergencyAccess, patientId));
        return new Page("records/history", model);
    }

    private static long number(String name, String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
            throw RequestRefused.badRequest(name + " must be a revision number");
        }
        return Long.parseLong(value);
    }
}

package health.citadel.records.web.pages;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.records.internal.patient.PatientRegister;
import health.citadel.records.internal.patient.PatientRestriction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The administrator sets or clears a patient's restricted flag by the patient's id, through the register behind
 * {@code PUT /api/v1/patients/{id}/restriction}: the flag alone, no demographics read or shown (audited as
 * RESTRICTION_SET or RESTRICTION_CLEARED; clearing raises an alert).
 */
@Path("/admin/restriction")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class RestrictionPage {

    @Inject
    PatientRegister register;

    @GET
    @RequiresPermission(Permission.MANAGE_RESTRICTION)
    public Page form() {
        return page(Map.of(), "", "", "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.MANAGE_RESTRICTION)
    public Response change(@FormParam("patientId") String patientId, @FormParam("restricted") String restricted,
                           @FormParam("reason") String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID patient = null;
        try {
            patient = UUID.fromString(patientId == null ? "" : patientId.strip());
        } catch (IllegalArgumentException e) {
            errors.put("patientId", "Patient id: must be a patient's id, as 8-4-4-4-12 hexadecimal digits");
        }
        if (!"true".equals(restricted) && !"false".equals(restricted)) {
            errors.put("restricted", "Restricted: choose set or clear");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 5 || why.length() > 1000) {
            errors.put("reason", "Reason: say why, in 5 to 1000 characters");
        }
        if (errors.isEmpty()) {
            try {
                PatientRestriction now = register.restrict(patient, Boolean.parseBoolean(restricted), why);
                return Response.ok(page(errors, now.id().toString(), "", "", now)).build();
            } catch (RequestRefused refused) {
                if (refused.status() != Response.Status.NOT_FOUND) {
                    throw refused;
                }
                errors.put("patientId", "Patient id: no patient has this id");
            }
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(page(errors, patientId == null ? "" : patientId, restricted == null ? "" : restricted, why, null))
                .build();
    }

    private static Page page(Map<String, String> errors, String patientId, String restricted, String reason,
                             PatientRestriction result) {
        Map<String, Object> model = new LinkedHashMap<>(Map.of("errors", errors, "patientId", patientId,
                "restricted", restricted, "reason", reason, "changed", result != null));
        if (result != null) {
            model.put("result", result);
        }
        return new Page("records/restriction", model);
    }
}

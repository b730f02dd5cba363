package health.citadel.records.web.pages;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.Parameters;
import health.citadel.records.internal.patient.Demographics;
import health.citadel.records.internal.patient.PatientRegister;
import health.citadel.records.internal.patient.PatientView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The front desk changes a patient's demographics, through the register behind {@code PUT /api/v1/patients/{id}}:
 * the form carries the version it was read at, as the API's If-Match does, so a change made meanwhile by someone
 * else is refused (412) rather than overwritten. Demographics only; nothing of the chart.
 */
@Path("/patients/{id}/demographics")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class DemographicsPage {

    @Inject
    PatientRegister register;

    @Inject
    Validator validator;

    /** Where the page is, relative to the portal (a redirect resolves it against the portal's base). */
    static String path(UUID patient) {
        return "patients/" + patient + "/demographics";
    }

    @GET
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    public Page form(@PathParam("id") String id, @QueryParam("saved") String saved) {
        PatientView patient = register.read(Parameters.uuid("id", id));
        return page(patient.id(), patient.version(), patient.demographics().nationalId(),
                DemographicsForm.of(patient.demographics(), patient.restricted()),
                "registered".equals(saved) ? "Patient registered." : "changed".equals(saved) ? "Changes saved." : "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.WRITE_DEMOGRAPHICS)
    public Response change(@PathParam("id") String id, @FormParam("version") String version,
                           @FormParam("nationalIdOnRecord") String nationalIdOnRecord,
                           @BeanParam DemographicsForm form) {
        UUID patient = Parameters.uuid("id", id);
        long expected = version(version);
        Demographics demographics = form.demographics(validator);
        String reason = form.reason();
        if (demographics != null && reason != null) {
            try {
                register.updateKeepingNationalId(patient, expected, demographics, form.restricted(), reason);
                return Response.seeOther(URI.create(path(patient) + "?saved=changed")).build();
            } catch (RequestRefused refused) {
                if (refused.status() == Response.Status.PRECONDITION_FAILED) {
                    return Response.status(refused.status()).entity(new Page("records/demographics-conflict",
                            Map.of("patientId", patient.toString()))).build();
                }
                if (refused.status() != Response.Status.CONFLICT) {
                    throw refused;
                }
                form.refuse("mrn", refused.getMessage());
            }
        }
        return Response.status(Response.Status.BAD_REQUEST).entity(page(patient, expected,
                nationalIdOnRecord == null ? "" : nationalIdOnRecord, form, "")).build();
    }

    /** The version the form was read at; a form that names none cannot match the record (412, as the API). */
    private static long version(String version) {
        if (version == null || !version.matches("[0-9]{1,18}")) {
            throw new RequestRefused(Response.Status.PRECONDITION_FAILED, "the form names no version of this record");
        }
        return Long.parseLong(version);
    }

    private static Page page(UUID patient, long version, String maskedNationalId, DemographicsForm form, String saved) {
        Map<String, Object> model = new HashMap<>(Map.of("values", form.values(), "errors", form.errors(),
                "labels", DemographicsForm.LABELS, "patientId", patient.toString(), "version", version,
                "saved", saved));
        model.put("nationalIdOnRecord", maskedNationalId == null ? "" : maskedNationalId);
        return new Page("records/patient-demographics", model);
    }
}

package health.citadel.records.web.pages;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.records.internal.patient.Demographics;
import health.citadel.records.internal.patient.PatientRegister;
import health.citadel.records.internal.patient.PatientView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/**
 * The front desk registers a patient, through the register behind {@code POST /api/v1/patients} (audited as
 * CREATE). An invalid form comes back with each wrong field named, and nothing is written.
 */
@Path("/patients/new")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class PatientRegistrationPage {

    @Inject
    PatientRegister register;

    @Inject
    Validator validator;

    @GET
    @RequiresPermission(Permission.WRITE_DEMOGRAPHICS)
    public Page form() {
        return page(DemographicsForm.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.WRITE_DEMOGRAPHICS)
    public Response register(@BeanParam DemographicsForm form) {
        Demographics demographics = form.demographics(validator);
        if (demographics != null) {
            try {
                PatientView patient = register.register(demographics, form.restricted());
                return Response.seeOther(URI.create(DemographicsPage.path(patient.id()) + "?saved=registered")).build();
            } catch (RequestRefused refused) {
                if (refused.status() != Response.Status.CONFLICT) {
                    throw refused;
                }
                form.refuse("mrn", refused.getMessage());
            }
        }
        return Response.status(Response.Status.BAD_REQUEST).entity(page(form)).build();
    }

    private static Page page(DemographicsForm form) {
        return new Page("records/patient-register", Map.of("values", form.values(), "errors", form.errors(),
                "labels", DemographicsForm.LABELS));
    }
}

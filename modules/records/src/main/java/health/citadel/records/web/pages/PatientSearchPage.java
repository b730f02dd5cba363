package health.citadel.records.web.pages;

import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.records.internal.patient.PatientRegister;
import health.citadel.records.internal.patient.PatientView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * The front desk's search by MRN, through the register the API's search uses (masked, audited as SEARCH). The
 * MRN is posted, never put in the address, so it reaches no access log or browser history.
 */
@Path("/patients/search")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class PatientSearchPage {

    @Inject
    PatientRegister register;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    public Page form() {
        return page(false, "", List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    public Page search(@FormParam("mrn") String mrn) {
        String wanted = mrn == null ? "" : mrn.strip();
        return page(true, wanted, wanted.isEmpty() ? List.of() : register.findByMrn(wanted));
    }

    /** A clinician's results link to the chart; the front desk's do not, for it reads no chart. */
    private Page page(boolean searched, String mrn, List<PatientView> patients) {
        return new Page("records/patient-search", Map.of("searched", searched, "mrn", mrn, "patients", patients,
                "charts", currentCaller.get().may(Permission.READ_CLINICAL)));
    }
}

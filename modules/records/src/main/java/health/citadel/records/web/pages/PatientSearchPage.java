package health.citadel.records.web.pages;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.records.internal.PatientRegister;
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

    @GET
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    public Page form() {
        return new Page("records/patient-search", Map.of("searched", false, "mrn", "", "patients", List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    public Page search(@FormParam("mrn") String mrn) {
        String wanted = mrn == null ? "" : mrn.strip();
        return new Page("records/patient-search", Map.of("searched", true, "mrn", wanted,
                "patients", wanted.isEmpty() ? List.of() : register.findByMrn(wanted)));
    }
}

package health.citadel.records.web.pages;

import health.citadel.identity.api.CareTeamRoster;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.records.internal.patient.PatientRegister;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * A clinician's patients: those whose care team they are on now, masked, each through the register's access check
 * and audited as a search, as the API's search is.
 */
@Path("/patients")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class MyPatientsPage {

    @Inject
    CareTeamRoster roster;

    @Inject
    PatientRegister register;

    @GET
    @RequiresPermission(Permission.READ_CLINICAL)
    public Page list() {
        return new Page("records/my-patients", Map.of("patients", register.findByIds(roster.currentPatients())));
    }
}

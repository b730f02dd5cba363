package health.citadel.records.web.pages;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.api.RequiresStepUp;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.web.Parameters;
import health.citadel.records.internal.patient.PatientRegister;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;

/**
 * The national identifier in full, once, for a reason and with a recent second factor: the service behind
 * {@code POST /api/v1/patients/{id}/reveal}, audited as REVEAL. Shown on the answer to the form, never in an address.
 */
@Path("/patients/{id}/reveal")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class RevealPage {

    @Inject
    PatientRegister register;

    @Inject
    Validator validator;

    @GET
    @RequiresPermission(Permission.REVEAL_IDENTIFIER)
    @RequiresStepUp
    public Page form(@PathParam("id") String id) {
        return page(Parameters.uuid("id", id), "", "", "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.REVEAL_IDENTIFIER)
    public Response reveal(@PathParam("id") String id, @FormParam("reason") String reason) {
        UUID patientId = Parameters.uuid("id", id);
        String error = ClinicianPages.reasonError(validator, reason);
        if (error != null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(patientId, reason == null ? "" : reason.strip(), error, "")).build();
        }
        return Response.ok(page(patientId, "", "", register.revealNationalId(patientId, reason.strip()))).build();
    }

    private static Page page(UUID patientId, String reason, String reasonError, String nationalId) {
        return new Page("records/reveal", Map.of("patientId", patientId, "reason", reason, "reasonError", reasonError,
                "nationalId", nationalId == null ? "" : nationalId));
    }
}

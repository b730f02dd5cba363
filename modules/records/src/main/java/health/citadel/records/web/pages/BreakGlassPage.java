package health.citadel.records.web.pages;

import health.citadel.identity.api.EmergencyAccess;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.api.RequiresStepUp;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.Parameters;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;

/**
 * Break-the-glass: a chart outside one's care team opened for a short time, for a reason and with a recent second
 * factor, through the service behind {@code POST /api/v1/identity/break-glass-grants} (audited and alerted); and the
 * grant closed early from the chart's banner.
 */
@Path("/patients/{id}/break-glass")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class BreakGlassPage {

    @Inject
    EmergencyAccess emergencyAccess;

    @Inject
    Validator validator;

    @Context
    UriInfo uri;

    @GET
    @RequiresPermission(Permission.BREAK_THE_GLASS)
    @RequiresStepUp
    public Page dialog(@PathParam("id") String id) {
        return page(Parameters.uuid("id", id), "", "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.BREAK_THE_GLASS)
    public Response open(@PathParam("id") String id, @FormParam("reason") String reason) {
        UUID patientId = Parameters.uuid("id", id);
        String given = reason == null ? "" : reason.strip();
        String error = ClinicianPages.reasonError(validator, reason);
        if (error == null) {
            try {
                emergencyAccess.open(patientId, given);
            } catch (RequestRefused refused) {
                switch (refused.status()) {
                    case BAD_REQUEST -> error = refused.getMessage().replaceFirst("^reason: ", "");
                    case CONFLICT -> { } // a grant of the caller's is open already: the chart shows it
                    default -> throw refused;
                }
            }
        }
        if (error != null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(patientId, given, error)).build();
        }
        return ClinicianPages.seeOther(uri, "patients", patientId);
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.BREAK_THE_GLASS)
    public Response revoke(@PathParam("id") String id, @FormParam("grant") String grant) {
        Parameters.uuid("id", id);
        emergencyAccess.revoke(Parameters.uuid("grant", grant));
        return ClinicianPages.seeOther(uri, "patients");
    }

    private static Page page(UUID patientId, String reason, String reasonError) {
        return new Page("records/break-glass", Map.of("patientId", patientId, "reason", reason,
                "reasonError", reasonError));
    }
}

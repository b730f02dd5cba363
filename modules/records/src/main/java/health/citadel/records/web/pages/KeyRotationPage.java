package health.citadel.records.web.pages;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.api.RequiresStepUp;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.records.internal.keys.KeyRotation;
import health.citadel.records.internal.keys.KeyRotations;
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
import java.util.Arrays;
import java.util.Map;

/**
 * The administrator's key rotations, through the service behind {@code /api/v1/keys/rotations}: how far each has
 * got, and a run that starts one or resumes the unfinished one of its kind. High-stakes: the page itself asks for a
 * recent second factor, and the service asks again when it runs (audited as KEY_ROTATION).
 */
@Path("/admin/key-rotations")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class KeyRotationPage {

    @Inject
    KeyRotations rotations;

    @GET
    @RequiresPermission(Permission.MANAGE_KEYS)
    @RequiresStepUp
    public Page progress() {
        return page("", "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.MANAGE_KEYS)
    public Response run(@FormParam("kind") String kind, @FormParam("maxPatients") String maxPatients) {
        KeyRotation.Kind which = Arrays.stream(KeyRotation.Kind.values()).filter(known -> known.name().equals(kind))
                .findFirst().orElse(null);
        if (which == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page("Keys: choose which keys to rotate", ""))
                    .build();
        }
        String limit = maxPatients == null ? "" : maxPatients.strip();
        if (!limit.isEmpty() && !limit.matches("[1-9][0-9]{0,8}")) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page("Patients this run: a whole number from 1, or empty for all of them", "")).build();
        }
        KeyRotation run = rotations.run(which, limit.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(limit));
        return Response.ok(page("", run.getFinishedAt() == null
                ? "Run done: " + run.getProcessed() + " patients so far; run again to resume."
                : "Rotation finished: " + run.getProcessed() + " patients.")).build();
    }

    private Page page(String error, String done) {
        return new Page("records/key-rotations", Map.of("rotations", rotations.list(), "kinds",
                KeyRotation.Kind.values(), "error", error, "done", done));
    }
}

package health.citadel.identity.web;

import health.citadel.identity.api.AccessOversight;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.internal.BreakGlassGrants;
import health.citadel.identity.internal.BreakGlassService;
import health.citadel.platform.web.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Break-the-glass: emergency access for clinicians, and its review by auditors. */
@Path("/v1/identity/break-glass-grants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BreakGlassResource {

    public static class Emergency {
        @NotNull
        public UUID patientId;

        /** Why the chart must be opened now; reviewed later by an auditor. The service counts its characters. */
        @NotNull
        @Size(max = 1000)
        public String reason;
    }

    public static class Review {
        @NotNull
        public BreakGlassGrants.ReviewOutcome outcome;

        @Size(max = AccessOversight.NOTE_MAX_LENGTH)
        public String note;
    }

    @Inject
    BreakGlassService service;

    @Inject
    BreakGlassGrants grants;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.BREAK_THE_GLASS)
    @Operation(summary = "Break the glass", description = "Opens a patient's chart outside the care team for a short "
            + "time. Needs a reason of at least 20 characters other than spaces (else 400) and a recent second factor "
            + "(else 401 with an RFC 9470 challenge); 404 for a patient who is not registered, 409 naming the grant "
            + "while one of the caller's for the patient is open. Audited and alerted; refusals audited, not alerted.")
    public Response open(@NotNull @Valid Emergency request, @Context UriInfo uri) {
        BreakGlassGrants.Grant grant = service.open(request.patientId, request.reason);
        return Response.created(uri.getAbsolutePathBuilder().path(grant.id().toString()).build()).entity(grant).build();
    }

    @POST
    @Path("/{id}/revoke")
    @RequiresPermission(Permission.BREAK_THE_GLASS)
    @Operation(summary = "Close one's own break-the-glass grant early")
    public BreakGlassGrants.Grant revoke(@PathParam("id") String id) {
        return service.revoke(Parameters.uuid("id", id));
    }

    @GET
    @RequiresPermission(Permission.REVIEW_ACCESS)
    @Operation(summary = "Break-the-glass grants", description = "Newest first; unreviewed=true for the review queue.")
    public List<BreakGlassGrants.Grant> list(@QueryParam("unreviewed") @DefaultValue("false") boolean unreviewed) {
        return grants.list(unreviewed);
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.REVIEW_ACCESS)
    @Operation(summary = "Record the review of a break-the-glass grant")
    public BreakGlassGrants.Grant review(@PathParam("id") String id, @NotNull @Valid Review review) {
        return service.review(Parameters.uuid("id", id), review.outcome, review.note);
    }
}

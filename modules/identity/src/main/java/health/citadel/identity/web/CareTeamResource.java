package health.citadel.identity.web;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.internal.CareTeamService;
import health.citadel.identity.internal.CareTeams;
import health.citadel.platform.web.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Managing which clinicians care for which patients. */
@Path("/v1/identity/care-team-assignments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CareTeamResource {

    /** A new assignment; without {@code startsAt} it starts now, without {@code endsAt} it has no end. */
    public static class NewAssignment {
        /** The clinician's identity-provider user id. */
        @NotNull
        @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be an identity-provider user id")
        public String clinicianId;

        @NotNull
        public UUID patientId;

        public Instant startsAt;

        public Instant endsAt;
    }

    @Inject
    CareTeamService service;

    @Inject
    CareTeams careTeams;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.MANAGE_CARE_TEAMS)
    @Operation(summary = "Assign a clinician to a patient's care team", description = "The clinician must be an "
            + "enabled physician or nurse of the realm (404 for no such user, 400 otherwise), the patient registered "
            + "(404); startsAt may lie at most CITADEL_IDENTITY_CARE_TEAM_BACKDATE (a day) in the past, and endsAt "
            + "must come after it (400). Nothing is written when refused; 503 when the realm cannot be read.")
    public Response assign(@NotNull @Valid NewAssignment request, @Context UriInfo uri) {
        CareTeams.Assignment assignment = service.assign(request.clinicianId, request.patientId, request.startsAt,
                request.endsAt);
        return Response.created(uri.getAbsolutePathBuilder().path(assignment.id().toString()).build())
                .entity(assignment).build();
    }

    @GET
    @RequiresPermission(Permission.MANAGE_CARE_TEAMS)
    @Operation(summary = "A patient's or a clinician's care-team assignments", description = "Give patient, clinician or both.")
    public List<CareTeams.Assignment> list(@QueryParam("patient") String patient,
                                           @QueryParam("clinician") @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String clinician) {
        if (patient == null && clinician == null) {
            throw RequestRefused.badRequest("give patient, clinician or both");
        }
        return careTeams.list(Parameters.uuid("patient", patient), clinician);
    }

    @POST
    @Path("/{id}/end")
    @RequiresPermission(Permission.MANAGE_CARE_TEAMS)
    @Operation(summary = "End a care-team assignment now")
    public CareTeams.Assignment end(@PathParam("id") String id) {
        return service.end(Parameters.uuid("id", id));
    }
}

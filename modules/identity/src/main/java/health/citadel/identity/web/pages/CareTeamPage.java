package health.citadel.identity.web.pages;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.internal.CareTeamService;
import health.citadel.identity.internal.CareTeams;
import health.citadel.identity.internal.StaffDirectory;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The administrator's care teams, through the services behind {@code /api/v1/identity/care-team-assignments}: a
 * patient's assignments by the patient's id, a clinician assigned from now, an assignment ended now (each audited
 * as ADMIN_CARE_TEAM). No patient data: the patient is an id, the clinicians are staff.
 */
@Path("/admin/care-teams")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class CareTeamPage {

    /** An assignment as the page lists it, with the names the staff directory knows. */
    public record Row(CareTeams.Assignment assignment, String clinician, String assignedBy, boolean current) {
    }

    @Inject
    CareTeamService service;

    @Inject
    CareTeams careTeams;

    @Inject
    StaffDirectory staffDirectory;

    @GET
    @RequiresPermission(Permission.MANAGE_CARE_TEAMS)
    public Page find() {
        return new Page("identity/care-team-find", Map.of("error", "", "patientId", ""));
    }

    /** The patient's id is posted and the browser sent to the team's own address, which holds the id only. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.MANAGE_CARE_TEAMS)
    public Response open(@FormParam("patientId") String patientId) {
        UUID patient = uuid(patientId);
        if (patient == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new Page("identity/care-team-find",
                    Map.of("error", "Patient id: must be a patient's id, as 8-4-4-4-12 hexadecimal digits",
                            "patientId", patientId == null ? "" : patientId))).build();
        }
        return Response.seeOther(URI.create(path(patient))).build();
    }

    @GET
    @Path("/{patient}")
    @RequiresPermission(Permission.MANAGE_CARE_TEAMS)
    public Page team(@PathParam("patient") String patient) {
        return team(Parameters.uuid("patient", patient), "", "");
    }

    @POST
    @Path("/{patient}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.MANAGE_CARE_TEAMS)
    public Response assign(@PathParam("patient") String patient, @FormParam("clinicianId") String clinicianId) {
        UUID patientId = Parameters.uuid("patient", patient);
        String clinician = clinicianId == null ? "" : clinicianId.strip();
        if (!clinician.matches("[A-Za-z0-9-]{1,64}")) {
            return refused(patientId, clinician, "Clinician's user id: must be an identity-provider user id");
        }
        try {
            service.assign(clinician, patientId, null, null);
        } catch (RequestRefused refused) {
            if (refused.status() != Response.Status.BAD_REQUEST && refused.status() != Response.Status.NOT_FOUND) {
                throw refused;
            }
            // the service names the field of the API's body it refuses; the form names its own
            return refused(patientId, clinician, refused.getMessage()
                    .replaceFirst("^clinicianId:", "Clinician's user id:").replaceFirst("^patientId:", "Patient id:"));
        }
        return Response.seeOther(URI.create(path(patientId))).build();
    }

    @POST
    @Path("/{patient}/assignments/{assignment}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.MANAGE_CARE_TEAMS)
    public Response end(@PathParam("patient") String patient, @PathParam("assignment") String assignment) {
        UUID patientId = Parameters.uuid("patient", patient);
        try {
            service.end(Parameters.uuid("assignment", assignment));
        } catch (RequestRefused refused) {
            if (refused.status() != Response.Status.CONFLICT && refused.status() != Response.Status.NOT_FOUND) {
                throw refused;
            }
            return Response.status(refused.status()).entity(team(patientId, "", refused.getMessage())).build();
        }
        return Response.seeOther(URI.create(path(patientId))).build();
    }

    private Response refused(UUID patient, String clinician, String error) {
        return Response.status(Response.Status.BAD_REQUEST).entity(team(patient, clinician, error)).build();
    }

    private Page team(UUID patient, String clinician, String error) {
        List<CareTeams.Assignment> assignments = careTeams.list(patient, null);
        Map<String, StaffDirectory.StaffMember> staff = staffDirectory.find(assignments.stream()
                .flatMap(assignment -> Stream.of(assignment.clinicianId(), assignment.assignedBy())).distinct().toList());
        Instant now = Instant.now();
        List<Row> rows = assignments.stream().map(assignment -> new Row(assignment,
                name(staff, assignment.clinicianId()), name(staff, assignment.assignedBy()),
                !assignment.startsAt().isAfter(now) && (assignment.endsAt() == null || assignment.endsAt().isAfter(now))))
                .toList();
        return new Page("identity/care-team", Map.of("patientId", patient.toString(), "rows", rows,
                "clinicianId", clinician, "error", error));
    }

    /** The person's name, or their user id where the staff directory has not met them yet. */
    private static String name(Map<String, StaffDirectory.StaffMember> staff, String userId) {
        return staff.containsKey(userId) ? staff.get(userId).displayName() : userId;
    }

    /** Where a team's page is, relative to the portal (a redirect resolves it against the portal's base). */
    private static String path(UUID patient) {
        return "admin/care-teams/" + patient;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

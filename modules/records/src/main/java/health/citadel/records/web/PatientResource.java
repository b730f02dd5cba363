package health.citadel.records.web;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.Parameters;
import health.citadel.records.internal.ChartHistory;
import health.citadel.records.internal.chart.ChartExport;
import health.citadel.records.internal.chart.ClinicalChart;
import health.citadel.records.internal.erasure.PatientErasure;
import health.citadel.records.internal.patient.Demographics;
import health.citadel.records.internal.patient.PatientHistory;
import health.citadel.records.internal.patient.PatientRegister;
import health.citadel.records.internal.patient.PatientRestriction;
import health.citadel.records.internal.patient.PatientView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The patient register: registration, reading, exact search, changes with optimistic concurrency, and the
 * history of every change.
 */
@Path("/v1/patients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    @Schema(description = "A patient to register.")
    public static class Registration {
        @NotNull
        @Valid
        @Schema(description = "Who the patient is; the national identifier in full.")
        public Demographics demographics;

        /** A VIP or an employee, whose every access raises an alert. */
        @Schema(description = "A VIP or an employee, whose every access raises an alert.")
        public boolean restricted;
    }

    @Schema(description = "The patient as they should now be, demographics whole, and why they change.")
    public static class Change extends Registration {
        @NotNull
        @Size(min = 5, max = 1000)
        @Schema(description = "Why: kept on the revision and in the audit log.", example = "Patient moved house")
        public String reason;
    }

    @Schema(description = "Whether the patient is restricted from now on, and why.")
    public static class RestrictionChange extends Reason {
        @NotNull
        @Schema(description = "A VIP or an employee, whose every access raises an alert.")
        public Boolean restricted;
    }

    @Schema(description = "Which earlier revision to restore, and why.")
    public static class Revert {
        @NotNull
        @Min(1)
        @Schema(description = "The revision to restore, from the patient's history.", example = "2")
        public Long toRevision;

        @NotNull
        @Size(min = 5, max = 1000)
        @Schema(description = "Why: kept on the new revision and in the audit log.",
                example = "Address changed on the wrong patient")
        public String reason;
    }

    @Schema(description = "Patients found, each masked.")
    public record Page(@Schema(description = "The patients found that the caller may see.") List<PatientView> items,
                       @Schema(description = "The page number, from 0; 0 for an MRN search.") int page,
                       @Schema(description = "The page size; 1 for an MRN search.") int size) {
    }

    @Schema(description = "The national identifier, revealed in full.")
    public record Revealed(@Schema(description = "The national identifier, unmasked.") String nationalId) {
    }

    @Inject
    PatientRegister register;

    @Inject
    PatientHistory history;

    @Inject
    ChartExport export;

    @Inject
    ClinicalChart clinicalChart;

    @Inject
    PatientErasure erasure;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.WRITE_DEMOGRAPHICS)
    @Operation(summary = "Register a patient", description = "201 with the patient, its Location and ETag; 409 when "
            + "another patient has the MRN. The national identifier comes back masked.")
    @APIResponse(responseCode = "201", description = "The registered patient, masked; Location names it and the "
            + "ETag carries its version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "409", description = "Another patient has this MRN.")
    public Response register(@RequestBody(description = "The patient to register.") @NotNull @Valid
                             Registration registration, @Context UriInfo uri) {
        PatientView patient = register.register(registration.demographics, registration.restricted);
        return Versions.created(patient, patient.id(), patient.version(), uri);
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    @Operation(summary = "A patient's demographics", description = "With an ETag for If-Match. Audited as READ.")
    @APIResponse(responseCode = "200", description = "The patient, masked, with its version as the ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientView.class)))
    public Response read(@PathParam("id") String id) {
        return tagged(register.read(Parameters.uuid("id", id)));
    }

    @GET
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    @Operation(summary = "Find patients", description = "Exact match by `mrn`, or by `family` and `birthDate` "
            + "together; only patients the caller may see; each one found is audited as SEARCH.")
    public Page find(@QueryParam("mrn") String mrn, @QueryParam("family") String family,
                     @QueryParam("birthDate") String birthDate,
                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if (mrn != null && family == null && birthDate == null) {
            return new Page(register.findByMrn(mrn), 0, 1);
        }
        if (mrn == null && family != null && !family.isBlank() && birthDate != null) {
            return new Page(register.findByFamilyAndBirthDate(family, Parameters.date("birthDate", birthDate), page,
                    size), page, size);
        }
        throw RequestRefused.badRequest("give either mrn, or family and birthDate");
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.WRITE_DEMOGRAPHICS)
    @Operation(summary = "Change a patient's demographics", description = "Needs If-Match with the ETag last read "
            + "(428 without, 412 when stale) and a reason. Writes a new revision. Changing the restricted flag also "
            + "needs MANAGE_RESTRICTION (else 403).")
    @APIResponse(responseCode = "200", description = "The changed patient, masked, with its new ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "412", description = "The patient has changed since the ETag sent was read.")
    @APIResponse(responseCode = "428", description = "No If-Match sent.")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @RequestBody(description = "The whole demographics, as they should now be, and a reason.")
                           @NotNull @Valid Change change) {
        return tagged(register.update(Parameters.uuid("id", id), Versions.expected(ifMatch), change.demographics,
                change.restricted, change.reason));
    }

    @PUT
    @Path("/{id}/restriction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.MANAGE_RESTRICTION)
    @Operation(summary = "Set or clear the restricted flag", description = "The flag alone, with a reason; no "
            + "demographics are read or returned. Audited as RESTRICTION_SET or RESTRICTION_CLEARED; clearing raises a "
            + "HIGH alert. A new revision when the flag changes; nothing when it is already as asked.")
    @APIResponse(responseCode = "200", description = "The flag as it now is, with the record's version as the ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientRestriction.class)))
    public Response restrict(@PathParam("id") String id,
                             @RequestBody(description = "The flag and why.") @NotNull @Valid RestrictionChange change) {
        PatientRestriction restriction = register.restrict(Parameters.uuid("id", id), change.restricted, change.reason);
        return Versions.tagged(restriction, restriction.version());
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.WRITE_DEMOGRAPHICS)
    @Operation(summary = "Retire a patient record", description = "Marks it retired (a duplicate, an error); it "
            + "stays readable with its history. Needs If-Match and a reason.")
    @APIResponse(responseCode = "200", description = "The retired patient, masked, with its new ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "412", description = "The patient has changed since the ETag sent was read.")
    @APIResponse(responseCode = "428", description = "No If-Match sent.")
    public Response retire(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @RequestBody(description = "Why it is retired, e.g. a duplicate.") @NotNull @Valid
                           Reason reason) {
        return tagged(register.retire(Parameters.uuid("id", id), Versions.expected(ifMatch), reason.reason));
    }

    @POST
    @Path("/{id}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.REVEAL_IDENTIFIER)
    @Operation(summary = "Reveal the national identifier", description = "Once, for a reason, with a recent second "
            + "factor (else 401 with an RFC 9470 challenge). Audited as REVEAL.")
    @APIResponse(responseCode = "200", description = "The national identifier in full.")
    @APIResponse(responseCode = "401", description = "No recent second factor: a step-up challenge (RFC 9470) in "
            + "WWW-Authenticate.")
    public Revealed reveal(@PathParam("id") String id,
                           @RequestBody(description = "Why it must be seen in full.") @NotNull @Valid Reason reason) {
        return new Revealed(register.revealNationalId(Parameters.uuid("id", id), reason.reason));
    }

    @GET
    @Path("/{id}/chart")
    @RequiresPermission(Permission.READ_CLINICAL)
    @Operation(summary = "The whole chart", description = "Demographics, masked, and every current entry by kind. "
            + "Clinicians on the care team or under break-the-glass. Audited as READ.")
    public ClinicalChart.Chart chart(@PathParam("id") String id) {
        return clinicalChart.chart(Parameters.uuid("id", id));
    }

    @GET
    @Path("/{id}/history")
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    @Operation(summary = "A patient's revisions", description = "Oldest first: who, when, why, in which request, and "
            + "whether it created or changed the patient.")
    public List<ChartHistory.Revision> revisions(@PathParam("id") String id) {
        return history.revisions(Parameters.uuid("id", id));
    }

    @GET
    @Path("/{id}/history/{revision}")
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    @Operation(summary = "A patient as it was at one revision")
    public PatientView asOf(@PathParam("id") String id, @PathParam("revision") String revision) {
        return history.asOf(Parameters.uuid("id", id), revisionNumber("revision", revision));
    }

    @GET
    @Path("/{id}/diff")
    @RequiresPermission(Permission.READ_DEMOGRAPHICS)
    @Operation(summary = "What changed between two revisions", description = "Field paths with their values before "
            + "and after, masked as reads are.")
    public List<PatientHistory.FieldChange> diff(@PathParam("id") String id, @QueryParam("from") String from,
                                                 @QueryParam("to") String to) {
        return history.diff(Parameters.uuid("id", id), revisionNumber("from", from), revisionNumber("to", to));
    }

    @POST
    @Path("/{id}/revert")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.WRITE_DEMOGRAPHICS)
    @Operation(summary = "Revert to an earlier revision", description = "Writes that revision's state as a new "
            + "revision; history is never rewritten. Needs If-Match and a reason.")
    @APIResponse(responseCode = "200", description = "The patient as restored, masked, with its new ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "412", description = "The patient has changed since the ETag sent was read.")
    @APIResponse(responseCode = "428", description = "No If-Match sent.")
    public Response revert(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @RequestBody(description = "The revision to restore and a reason.") @NotNull @Valid
                           Revert revert) {
        return tagged(history.revert(Parameters.uuid("id", id), Versions.expected(ifMatch), revert.toRevision,
                revert.reason));
    }

    @GET
    @Path("/{id}/export")
    @RequiresPermission(Permission.EXPORT_CHART)
    @Operation(summary = "Export the whole chart", description = "The patient's own chart, or for staff with a recent "
            + "second factor: current state and every version, unmasked, as one JSON document. Audited as EXPORT; "
            + "410 once erased.")
    @APIResponse(responseCode = "200", description = "The whole chart, unmasked, as an attachment "
            + "(chart-{id}.json).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChartExport.Document.class)))
    @APIResponse(responseCode = "410", description = "The patient has been erased; only a tombstone remains.")
    public Response export(@PathParam("id") String id) {
        UUID patient = Parameters.uuid("id", id);
        return Response.ok(export.export(patient))
                .header("Content-Disposition", "attachment; filename=\"chart-" + patient + ".json\"").build();
    }

    @POST
    @Path("/{id}/erase")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.ERASE_PATIENT)
    @Operation(summary = "Erase a patient (GDPR)", description = "Crypto-shredding: destroys the patient's data key, "
            + "drops the blind indexes and writes the erasure ledger. Every version then reads as a tombstone (410). "
            + "Needs a recent second factor and a reason; audited as ERASE.")
    @APIResponse(responseCode = "200", description = "Erased: the patient's id and when.")
    @APIResponse(responseCode = "410", description = "The patient was already erased.")
    public PatientErasure.Erased erase(@PathParam("id") String id,
                                       @RequestBody(description = "Why, e.g. the patient's erasure request.")
                                       @NotNull @Valid Reason reason) {
        return erasure.erase(Parameters.uuid("id", id), reason.reason);
    }

    private static long revisionNumber(String name, String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
            throw RequestRefused.badRequest(name + " must be a revision number");
        }
        return Long.parseLong(value);
    }

    /** The patient with its version as the ETag, for the next If-Match. */
    private static Response tagged(PatientView patient) {
        return Versions.tagged(patient, patient.version());
    }
}

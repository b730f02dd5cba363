package health.citadel.records.web;

import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.Parameters;
import health.citadel.records.internal.chart.ClinicalChart;
import health.citadel.records.internal.chart.EntryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The clinical chart's entries by kind: {@code encounters}, {@code observations}, {@code conditions},
 * {@code allergies}, {@code medications}, {@code notes} and {@code documents}. Clinicians on the care team (or under
 * break-the-glass) only; front desk, administrators, auditors and DBAs never.
 */
@Path("/v1/patients/{id}/{kind: encounters|observations|conditions|allergies|medications|notes|documents}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChartEntryResource {

    @Schema(description = "A new chart entry.")
    public static class NewEntry {
        /** The entry, in the shape of its kind. */
        @NotNull
        @Schema(type = SchemaType.OBJECT, description = "The entry, in the shape of the path's kind and with no "
                + "other fields.",
                oneOf = {EntryKind.Encounter.class, EntryKind.Observation.class, EntryKind.Condition.class,
                        EntryKind.AllergyIntolerance.class, EntryKind.MedicationStatement.class,
                        EntryKind.ClinicalNote.class, EntryKind.Document.class})
        public JsonObject content;
    }

    @Schema(description = "A chart entry's whole new content, and why it changes.")
    public static class ChangedEntry extends NewEntry {
        @NotNull
        @Size(min = 5, max = 1000)
        @Schema(description = "Why: kept on the revision and in the audit log.", example = "Wrong unit entered")
        public String reason;
    }

    @Inject
    ClinicalChart chart;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.WRITE_CLINICAL)
    @Operation(summary = "Add a chart entry", description = "`{content}` in the shape of the kind; 201 with Location "
            + "and ETag. Audited as CREATE.")
    @APIResponse(responseCode = "201", description = "The entry as stored; Location names it and the ETag carries "
            + "its version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClinicalChart.Entry.class)))
    public Response add(@PathParam("id") String id, @PathParam("kind") String kind,
                        @RequestBody(description = "The entry's content.") @NotNull @Valid NewEntry entry,
                        @Context UriInfo uri) {
        ClinicalChart.Entry added = chart.add(Parameters.uuid("id", id), kind(kind), entry.content);
        return Versions.created(added, added.id(), added.version(), uri);
    }

    @GET
    @RequiresPermission(Permission.READ_CLINICAL)
    @Operation(summary = "A patient's entries of one kind", description = "Newest first, paged.")
    public ClinicalChart.EntryPage list(@PathParam("id") String id, @PathParam("kind") String kind,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return chart.list(Parameters.uuid("id", id), kind(kind), page, size);
    }

    @GET
    @Path("/{entry}")
    @RequiresPermission(Permission.READ_CLINICAL)
    @Operation(summary = "One chart entry", description = "With an ETag for If-Match.")
    @APIResponse(responseCode = "200", description = "The entry, a document with its bytes, and its version as the "
            + "ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClinicalChart.Entry.class)))
    public Response read(@PathParam("id") String id, @PathParam("kind") String kind, @PathParam("entry") String entry) {
        return tagged(chart.read(Parameters.uuid("id", id), kind(kind), Parameters.uuid("entry", entry)));
    }

    @PUT
    @Path("/{entry}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.WRITE_CLINICAL)
    @Operation(summary = "Change a chart entry", description = "`{content, reason}` with If-Match (428 without, 412 "
            + "when stale). A new revision.")
    @APIResponse(responseCode = "200", description = "The changed entry, with its new ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClinicalChart.Entry.class)))
    @APIResponse(responseCode = "412", description = "The entry has changed since the ETag sent was read.")
    @APIResponse(responseCode = "428", description = "No If-Match sent.")
    public Response update(@PathParam("id") String id, @PathParam("kind") String kind, @PathParam("entry") String entry,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @RequestBody(description = "The entry's whole new content and a reason.") @NotNull @Valid
                           ChangedEntry change) {
        return tagged(chart.update(Parameters.uuid("id", id), kind(kind), Parameters.uuid("entry", entry),
                Versions.expected(ifMatch), change.content, change.reason));
    }

    @POST
    @Path("/{entry}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.WRITE_CLINICAL)
    @Operation(summary = "Retire a chart entry", description = "Entered in error: kept, with its history, and marked.")
    @APIResponse(responseCode = "200", description = "The retired entry, with its new ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClinicalChart.Entry.class)))
    @APIResponse(responseCode = "412", description = "The entry has changed since the ETag sent was read.")
    @APIResponse(responseCode = "428", description = "No If-Match sent.")
    public Response retire(@PathParam("id") String id, @PathParam("kind") String kind, @PathParam("entry") String entry,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @RequestBody(description = "Why it was entered in error.") @NotNull @Valid Reason reason) {
        return tagged(chart.retire(Parameters.uuid("id", id), kind(kind), Parameters.uuid("entry", entry),
                Versions.expected(ifMatch), reason.reason));
    }

    private static EntryKind kind(String path) {
        return EntryKind.fromPath(path).orElseThrow(() -> RequestRefused.notFound("no such kind of entry"));
    }

    private static Response tagged(ClinicalChart.Entry entry) {
        return Versions.tagged(entry, entry.version());
    }
}

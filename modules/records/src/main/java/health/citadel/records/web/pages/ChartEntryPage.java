package health.citadel.records.web.pages;

import health.citadel.identity.api.EmergencyAccess;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import health.citadel.platform.problem.RequestRefused;
import health.citadel.platform.web.Parameters;
import health.citadel.records.internal.chart.ClinicalChart;
import health.citadel.records.internal.chart.EntryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Adding, changing and retiring a chart entry through the service behind {@code /api/v1/patients/{id}/{kind}}: a
 * form per kind, errors shown on it by field, and a change based on the version the form was filled from, as If-Match
 * is. A change that meets a newer version shows the entry as it is now beside the clinician's values, to retry on it.
 * Documents are uploaded through the API only (base64 files); the chart lists them.
 */
@Path("/patients/{id}/entries/{kind: encounters|observations|conditions|allergies|medications|notes}")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class ChartEntryPage {

    /** One field of a stale change: its value now, and the clinician's. */
    public record Difference(String field, String current, String yours, boolean differs) {
    }

    /** The field of the change's own reason; an encounter's content has a field called reason. */
    static final String CHANGE_REASON = "changeReason";

    /** The field of the reason an entry is retired, on the form's second form. */
    static final String RETIRE_REASON = "retireReason";

    @Inject
    ClinicalChart chart;

    @Inject
    EmergencyAccess emergencyAccess;

    @Inject
    Validator validator;

    @Inject
    HttpServletRequest servletRequest;

    @Context
    UriInfo uri;

    @GET
    @Path("/new")
    @RequiresPermission(Permission.WRITE_CLINICAL)
    public Page blank(@PathParam("id") String id, @PathParam("kind") String kind) {
        return new Form(Parameters.uuid("id", id), kind(kind), null).page(0, Map.of(), Map.of());
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.WRITE_CLINICAL)
    public Response add(@PathParam("id") String id, @PathParam("kind") String kind) {
        Form form = new Form(Parameters.uuid("id", id), kind(kind), null);
        Map<String, String> values = EntryForm.values(form.kind, servletRequest::getParameter);
        EntryForm.Posted posted = EntryForm.content(form.kind, values);
        Map<String, String> errors = errors(form.kind, posted);
        if (!errors.isEmpty()) {
            return invalid(form.page(0, values, errors));
        }
        chart.add(form.patientId, form.kind, posted.content());
        return ClinicianPages.seeOther(uri, "patients", form.patientId);
    }

    @GET
    @Path("/{entry}")
    @RequiresPermission(Permission.WRITE_CLINICAL)
    public Page existing(@PathParam("id") String id, @PathParam("kind") String kind, @PathParam("entry") String entry) {
        Form form = new Form(Parameters.uuid("id", id), kind(kind), Parameters.uuid("entry", entry));
        ClinicalChart.Entry current = chart.read(form.patientId, form.kind, form.entryId);
        return form.page(current.version(), EntryFields.values(current.content()), Map.of());
    }

    @POST
    @Path("/{entry}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.WRITE_CLINICAL)
    public Response change(@PathParam("id") String id, @PathParam("kind") String kind, @PathParam("entry") String entry,
                           @FormParam("version") String version, @FormParam(CHANGE_REASON) String reason) {
        Form form = new Form(Parameters.uuid("id", id), kind(kind), Parameters.uuid("entry", entry));
        long basedOn = version(version);
        Map<String, String> values = EntryForm.values(form.kind, servletRequest::getParameter);
        form.reason = reason == null ? "" : reason.strip();
        EntryForm.Posted posted = EntryForm.content(form.kind, values);
        Map<String, String> errors = errors(form.kind, posted);
        String reasonError = ClinicianPages.reasonError(validator, reason);
        if (reasonError != null) {
            errors.put(CHANGE_REASON, reasonError);
        }
        if (!errors.isEmpty()) {
            return invalid(form.page(basedOn, values, errors));
        }
        try {
            chart.update(form.patientId, form.kind, form.entryId, basedOn, posted.content(), form.reason);
            return ClinicianPages.seeOther(uri, "patients", form.patientId);
        } catch (RequestRefused refused) {
            if (refused.status() != Response.Status.PRECONDITION_FAILED) {
                throw refused;
            }
            return conflict(form, values);
        }
    }

    @POST
    @Path("/{entry}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.WRITE_CLINICAL)
    public Response retire(@PathParam("id") String id, @PathParam("kind") String kind, @PathParam("entry") String entry,
                           @FormParam("version") String version, @FormParam(RETIRE_REASON) String reason) {
        Form form = new Form(Parameters.uuid("id", id), kind(kind), Parameters.uuid("entry", entry));
        long basedOn = version(version);
        String reasonError = ClinicianPages.reasonError(validator, reason);
        if (reasonError != null) {
            ClinicalChart.Entry current = chart.read(form.patientId, form.kind, form.entryId);
            return invalid(form.page(current.version(), EntryFields.values(current.content()),
                    Map.of(RETIRE_REASON, reasonError)));
        }
        chart.retire(form.patientId, form.kind, form.entryId, basedOn, reason.strip());
        return ClinicianPages.seeOther(uri, "patients", form.patientId);
    }

    /** Every error of the content, by field: its types here, then its kind's rules as the chart service checks them. */
    private Map<String, String> errors(EntryKind kind, EntryForm.Posted posted) {
        Map<String, String> errors = new LinkedHashMap<>(posted.errors());
        if (errors.isEmpty()) {
            try {
                chart.check(kind, posted.content());
            } catch (ConstraintViolationException e) {
                errors.putAll(EntryForm.errors(e.getConstraintViolations()));
            } catch (RequestRefused refused) {
                errors.put("", refused.getMessage());
            }
        }
        return errors;
    }

    /** The entry as it is now beside the clinician's values, with the form based on the current version. */
    private Response conflict(Form form, Map<String, String> yours) {
        ClinicalChart.Entry current = chart.read(form.patientId, form.kind, form.entryId);
        Map<String, String> now = EntryFields.values(current.content());
        form.conflict = EntryForm.inputs(form.kind, Map.of(), Map.of()).stream().map(input -> new Difference(
                input.label(), now.getOrDefault(input.name(), ""), yours.getOrDefault(input.name(), ""),
                !Objects.equals(now.get(input.name()), yours.get(input.name())))).toList();
        return Response.status(Response.Status.PRECONDITION_FAILED)
                .entity(form.page(current.version(), yours, Map.of())).build();
    }

    private static Response invalid(Page form) {
        return Response.status(Response.Status.BAD_REQUEST).entity(form).build();
    }

    private static long version(String version) {
        if (version == null || !version.matches("[0-9]{1,18}")) {
            throw RequestRefused.badRequest("version: the form names no version; reload it");
        }
        return Long.parseLong(version);
    }

    private static EntryKind kind(String path) {
        return EntryKind.fromPath(path).orElseThrow(() -> RequestRefused.notFound("no such kind of entry"));
    }

    /** The form of one entry, new when {@code entryId} is null. */
    private final class Form {

        final UUID patientId;
        final EntryKind kind;
        final UUID entryId;
        String reason = "";
        List<Difference> conflict = List.of();

        Form(UUID patientId, EntryKind kind, UUID entryId) {
            this.patientId = patientId;
            this.kind = kind;
            this.entryId = entryId;
        }

        Page page(long version, Map<String, String> values, Map<String, String> errors) {
            Map<String, Object> model = new HashMap<>();
            model.put("patientId", patientId);
            model.put("kind", ClinicianPages.one(kind));
            model.put("adding", entryId == null);
            model.put("action", "/portal/patients/" + patientId + "/entries/" + kind.path() + "/"
                    + (entryId == null ? "new" : entryId));
            model.put("version", version);
            model.put("reason", reason);
            model.put("reasonError", errors.getOrDefault(CHANGE_REASON, ""));
            model.put("retireError", errors.getOrDefault(RETIRE_REASON, ""));
            List<EntryForm.Input> inputs = EntryForm.inputs(kind, values, errors);
            model.put("inputs", inputs);
            // an error no input shows, e.g. a value of the wrong type the service found
            model.put("formError", errors.entrySet().stream()
                    .filter(error -> !error.getKey().equals(CHANGE_REASON) && !error.getKey().equals(RETIRE_REASON)
                            && inputs.stream().noneMatch(input -> input.name().equals(error.getKey())))
                    .map(error -> error.getKey().isEmpty() ? error.getValue() : error.getKey() + ": " + error.getValue())
                    .collect(Collectors.joining("; ")));
            model.put("conflict", conflict);
            model.put("banners", ClinicianPages.banner(emergencyAccess, patientId));
            return new Page("records/entry-form", model);
        }
    }
}

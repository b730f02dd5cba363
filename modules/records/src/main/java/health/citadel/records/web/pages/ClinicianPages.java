package health.citadel.records.web.pages;

import health.citadel.identity.api.EmergencyAccess;
import health.citadel.records.internal.chart.EntryKind;
import health.citadel.records.web.Reason;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the clinician's chart pages share: the kinds' names, the break-the-glass banner, reasons and redirects. */
final class ClinicianPages {

    /** An open break-the-glass grant, as the banner shows it: time left at rendering, and what revoking names. */
    record Banner(UUID grantId, String remaining) {
    }

    /** Each kind of entry as the hospital calls it, in the chart's order: plural for its section, singular for a form. */
    private static final Map<EntryKind, String[]> NAMES = Map.of(
            EntryKind.OBSERVATION, new String[] {"Vital signs and results", "observation", "an"},
            EntryKind.CONDITION, new String[] {"Problems", "problem", "a"},
            EntryKind.ALLERGY, new String[] {"Allergies", "allergy", "an"},
            EntryKind.MEDICATION, new String[] {"Medications", "medication", "a"},
            EntryKind.ENCOUNTER, new String[] {"Encounters", "encounter", "an"},
            EntryKind.NOTE, new String[] {"Notes", "note", "a"},
            EntryKind.DOCUMENT, new String[] {"Documents", "document", "a"});

    /** The chart's sections, in the order clinicians read them. */
    static final List<EntryKind> ORDER = List.of(EntryKind.OBSERVATION, EntryKind.CONDITION, EntryKind.ALLERGY,
            EntryKind.MEDICATION, EntryKind.ENCOUNTER, EntryKind.NOTE, EntryKind.DOCUMENT);

    private ClinicianPages() {
    }

    static String section(EntryKind kind) {
        return NAMES.get(kind)[0];
    }

    static String singular(EntryKind kind) {
        return NAMES.get(kind)[1];
    }

    /** "an observation", "a note". */
    static String one(EntryKind kind) {
        return NAMES.get(kind)[2] + " " + NAMES.get(kind)[1];
    }

    /** Documents are uploaded through the API (base64 files); the portal lists them. */
    static boolean editable(EntryKind kind) {
        return kind != EntryKind.DOCUMENT;
    }

    /** The banner of the caller's open grant for the patient: none, or one. */
    static List<Banner> banner(EmergencyAccess emergencyAccess, UUID patientId) {
        return emergencyAccess.openFor(patientId).map(grant -> {
            long seconds = Math.max(0, Duration.between(Instant.now(), grant.expiresAt()).toSeconds());
            return List.of(new Banner(grant.id(), String.format("%d:%02d", seconds / 60, seconds % 60)));
        }).orElse(List.of());
    }

    /** The API's rule for a reason (5 to 1000 characters), its error named as the field is, or null. */
    static String reasonError(Validator validator, String given) {
        Reason reason = new Reason();
        reason.reason = given == null || given.isBlank() ? null : given.strip();
        String errors = validator.validate(reason).stream().map(ConstraintViolation::getMessage).sorted()
                .collect(Collectors.joining("; "));
        return errors.isEmpty() ? null : errors;
    }

    /** 303 to a page of the portal, after a form that changed something. */
    static Response seeOther(UriInfo uri, Object... segments) {
        UriBuilder page = uri.getBaseUriBuilder();
        for (Object segment : segments) {
            page.path(segment.toString());
        }
        return Response.seeOther(page.build()).build();
    }
}

package health.citadel.app.web.pages;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.audit.api.AuditQuery;
import health.citadel.platform.page.InvalidField;
import jakarta.ws.rs.FormParam;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The auditor's filter as a posted form, so no patient id reaches an address, a browser's history or an access
 * log. Times are UTC, as a {@code datetime-local} field gives them or in ISO-8601. Every field is optional.
 */
public class AccessLogFilter {

    static final int PAGE_SIZE = 50;

    @FormParam("actor")
    String actor;

    @FormParam("patient")
    String patient;

    @FormParam("action")
    String action;

    @FormParam("outcome")
    String outcome;

    @FormParam("from")
    String from;

    @FormParam("to")
    String to;

    @FormParam("page")
    String page;

    /** The query for one page of {@value #PAGE_SIZE}; an {@link InvalidField} names the first field that is wrong. */
    AuditQuery query() {
        int pageNumber = number("page", page);
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidField("to", "must be after From");
        }
        return new AuditQuery(patientId(), blank(actor) ? null : actor.strip(), oneOf("action", action, AuditAction.class),
                oneOf("outcome", outcome, AuditOutcome.class), since, until, pageNumber, PAGE_SIZE);
    }

    public String getActor() {
        return text(actor);
    }

    public String getPatient() {
        return text(patient);
    }

    public String getAction() {
        return text(action);
    }

    public String getOutcome() {
        return text(outcome);
    }

    public String getFrom() {
        return text(from);
    }

    public String getTo() {
        return text(to);
    }

    private UUID patientId() {
        try {
            return blank(patient) ? null : UUID.fromString(patient.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("patient", "must be a patient id (a UUID)");
        }
    }

    private static Instant instant(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return value.strip().endsWith("Z") ? Instant.parse(value.strip())
                    : LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date and time, e.g. 2026-01-31T14:30");
        }
    }

    private static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        try {
            return blank(value) ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be one of the choices offered");
        }
    }

    private static int number(String field, String value) {
        try {
            int number = blank(value) ? 0 : Integer.parseInt(value.strip());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "must be a page number from 0");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}

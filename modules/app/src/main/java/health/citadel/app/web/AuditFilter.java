package health.citadel.app.web;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.audit.api.AuditQuery;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The auditor's filter as query parameters, checked here so a bad value is a 400 that names it. */
public class AuditFilter {

    @QueryParam("patient")
    String patient;

    @QueryParam("actor")
    String actor;

    @QueryParam("action")
    String action;

    @QueryParam("outcome")
    String outcome;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("page")
    @DefaultValue("0")
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    int size;

    AuditQuery toQuery() {
        try {
            return new AuditQuery(patient == null ? null : parse("patient", () -> UUID.fromString(patient)),
                    actor == null || actor.isBlank() ? null : actor,
                    action == null ? null : parse("action", () -> AuditAction.valueOf(action)),
                    outcome == null ? null : parse("outcome", () -> AuditOutcome.valueOf(outcome)),
                    from == null ? null : parse("from", () -> Instant.parse(from)),
                    to == null ? null : parse("to", () -> Instant.parse(to)), page, size);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static <T> T parse(String parameter, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(parameter + " is not valid");
        }
    }
}

package health.citadel.app.web;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.audit.api.AuditQuery;
import health.citadel.platform.web.Parameters;
import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

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
            return new AuditQuery(Parameters.uuid("patient", patient), actor == null || actor.isBlank() ? null : actor,
                    Parameters.oneOf("action", action, AuditAction.class),
                    Parameters.oneOf("outcome", outcome, AuditOutcome.class),
                    Parameters.instant("from", from), Parameters.instant("to", to), page, size);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(e.getMessage());
        }
    }
}

package health.citadel.app.web;

import health.citadel.audit.api.Alert;
import health.citadel.audit.api.Alerts;
import health.citadel.audit.api.AuditQuery;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Suspicious-activity alerts, for auditors. */
@Path("/v1/audit/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditAlertsResource {

    @Inject
    Alerts alerts;

    @GET
    @RequiresPermission(Permission.READ_AUDIT_LOG)
    @Operation(summary = "Alerts raised", description = "Newest first, with the evidence (event ids) and whether "
            + "the alerting webhook has accepted each one.")
    public List<Alert> recent(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(AuditQuery.MAX_PAGE_SIZE) int size) {
        return alerts.recent(page, size);
    }
}

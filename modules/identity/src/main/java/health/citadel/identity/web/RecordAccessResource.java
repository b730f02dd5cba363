package health.citadel.identity.web;

import health.citadel.audit.api.AuditQuery;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.internal.RecordAccessLog;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** "Who looked at my record": a patient's view of the staff who accessed their chart. */
@Path("/v1/me/record-access")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecordAccessResource {

    @Inject
    RecordAccessLog log;

    @GET
    @RequiresPermission(Permission.READ_OWN_ACCESS_LOG)
    @Operation(summary = "Who looked at my record", description = "For a patient: the staff who accessed their "
            + "chart, when, how, and whether break-the-glass was used. Newest first.")
    public RecordAccessLog.RecordAccessPage accesses(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                     @QueryParam("size") @DefaultValue("50") @Min(1)
                                                     @Max(AuditQuery.MAX_PAGE_SIZE) int size) {
        return log.accesses(page, size);
    }
}

package health.citadel.app.web;

import health.citadel.audit.api.ChainVerification;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The auditor's check of the audit chain. The auditor's resources live in the WAR rather than in
 * {@code audit.web} because the audit module may not depend on identity, which authorizes them.
 */
@Path("/v1/audit/verify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditVerificationResource {

    @Inject
    AuditorDesk desk;

    @GET
    @RequiresPermission(Permission.READ_AUDIT_LOG)
    @Operation(summary = "Verify the audit chain", description = "Checks every link, seal and signed checkpoint; "
            + "answers ok, how many events were checked, and the first broken position if any.")
    public ChainVerification verify() {
        return desk.verify();
    }
}

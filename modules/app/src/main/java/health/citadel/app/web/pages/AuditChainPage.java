package health.citadel.app.web.pages;

import health.citadel.app.web.AuditorDesk;
import health.citadel.audit.api.AuditChain;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.platform.page.Page;
import health.citadel.platform.page.PortalPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The audit chain checked end to end as {@code GET /api/v1/audit/verify} checks it (audited as
 * ADMIN_AUDIT_VERIFY): whether it holds, the head to keep for a later {@code --expect-head}, and the witness.
 */
@Path("/audit/verify")
@PortalPage
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class AuditChainPage {

    @Inject
    AuditorDesk desk;

    @Inject
    AuditChain chain;

    @GET
    @RequiresPermission(Permission.READ_AUDIT_LOG)
    public Page verify() {
        return new Page("audit/verify", Map.of("result", desk.verify(), "witness", chain.witness()));
    }
}

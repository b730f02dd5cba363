package health.citadel.app.web;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditChain;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditLog;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.audit.api.ChainVerification;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.api.Role;
import health.citadel.platform.web.RequestIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The auditor's check of the audit chain. It lives in the WAR rather than in {@code audit.web} because the
 * audit module may not depend on identity, which authorizes it.
 */
@Path("/v1/audit/verify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditVerificationResource {

    @Inject
    AuditChain chain;

    @Inject
    AuditLog auditLog;

    @Inject
    CurrentCaller currentCaller;

    @Context
    HttpServletRequest request;

    @GET
    @RequiresPermission(Permission.READ_AUDIT_LOG)
    @Operation(summary = "Verify the audit chain", description = "Checks every link, seal and signed checkpoint; "
            + "answers ok, how many events were checked, and the first broken position if any.")
    public ChainVerification verify() {
        ChainVerification result = chain.verify();
        Caller caller = currentCaller.get();
        auditLog.record(AuditEvent.now(caller.userId(),
                caller.roles().stream().map(Role::claimValue).collect(Collectors.toSet()), null,
                AuditAction.ADMIN_AUDIT_VERIFY, "AuditLog", null, null,
                result.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, request.getRemoteAddr(),
                RequestIds.of(request), null));
        return result;
    }
}

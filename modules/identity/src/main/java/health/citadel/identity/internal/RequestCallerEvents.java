package health.citadel.identity.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CallerEvents;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.platform.web.RequestIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

@RequestScoped
class RequestCallerEvents implements CallerEvents {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    HttpServletRequest request;

    @Override
    public AuditEvent describe(AuditAction action, String resourceType, String resourceId, UUID patientId,
                               AuditOutcome outcome, String reason) {
        Caller caller = currentCaller.get();
        return AuditEvent.now(caller.userId(), caller.roleNames(), caller.clientId(), action, resourceType,
                resourceId, patientId, outcome, request.getRemoteAddr(), RequestIds.of(request), reason);
    }
}

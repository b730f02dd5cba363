package health.citadel.identity.api;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditOutcome;
import java.util.UUID;

/** Audit events about what the current caller does, with the request's source address and id filled in. */
public interface CallerEvents {

    AuditEvent describe(AuditAction action, String resourceType, String resourceId, UUID patientId,
                        AuditOutcome outcome, String reason);
}

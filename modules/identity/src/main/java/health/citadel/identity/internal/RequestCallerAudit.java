package health.citadel.identity.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditLog;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CallerAudit;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.platform.web.RequestIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.function.Consumer;

/** Entries about this request's caller; one builder an entry, so entries never share a field. */
@RequestScoped
class RequestCallerAudit implements CallerAudit {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLog auditLog;

    @Inject
    HttpServletRequest request;

    @Override
    public Entry of(AuditAction action, String resourceType) {
        return by(currentCaller.get(), action, resourceType);
    }

    /** An entry about a caller this request has not authorized (yet): the permission check audits its denials. */
    Entry by(Caller caller, AuditAction action, String resourceType) {
        return new Pending(AuditEvent.by(caller.userId(), action, resourceType).roles(caller.roleNames())
                .client(caller.clientId()).from(request.getRemoteAddr()).request(RequestIds.of(request)));
    }

    private final class Pending implements Entry {

        private final AuditEvent.Builder event;

        private Pending(AuditEvent.Builder event) {
            this.event = event;
        }

        @Override
        public Entry resource(String id) {
            event.resource(id);
            return this;
        }

        @Override
        public Entry patient(UUID id) {
            event.patient(id);
            return this;
        }

        @Override
        public Entry restrictedPatient(boolean restricted) {
            event.restrictedPatient(restricted);
            return this;
        }

        @Override
        public AuditEvent success(String reason) {
            return record(AuditOutcome.SUCCESS, reason, auditLog::record);
        }

        @Override
        public AuditEvent denied(String reason) {
            return record(AuditOutcome.DENIED, reason, auditLog::recordRegardless);
        }

        @Override
        public AuditEvent failed(String reason) {
            return record(AuditOutcome.FAILED, reason, auditLog::recordRegardless);
        }

        @Override
        public AuditEvent failedButCarriedOn(String reason) {
            return record(AuditOutcome.FAILED, reason, auditLog::record);
        }

        private AuditEvent record(AuditOutcome outcome, String reason, Consumer<AuditEvent> transaction) {
            AuditEvent recorded = event.outcome(outcome).reason(reason).build();
            transaction.accept(recorded);
            return recorded;
        }
    }
}

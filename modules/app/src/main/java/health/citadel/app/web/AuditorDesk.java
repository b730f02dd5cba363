package health.citadel.app.web;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditChain;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditPage;
import health.citadel.audit.api.AuditQuery;
import health.citadel.audit.api.AuditTrail;
import health.citadel.audit.api.ChainVerification;
import health.citadel.identity.api.CallerAudit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;

/**
 * What an auditor does with the access log, for the API and the portal alike: every search, export and check of
 * the chain is itself audited, under the auditor's id. The caller's permission is checked before (READ_AUDIT_LOG).
 */
@RequestScoped
public class AuditorDesk {

    /** An export, audited when it was asked for; its events are read when it is written out. */
    @FunctionalInterface
    public interface Export {
        void to(Consumer<AuditEvent> sink);
    }

    @Inject
    AuditTrail trail;

    @Inject
    AuditChain chain;

    @Inject
    CallerAudit audit;

    /** A page of matching events, newest first. */
    public AuditPage search(AuditQuery query) {
        entry(AuditAction.SEARCH, query).success();
        return trail.find(query);
    }

    /** Every matching event, oldest first, streamed to a sink later (the response body). */
    public Export export(AuditQuery query) {
        entry(AuditAction.ADMIN_AUDIT_EXPORT, query).success();
        return sink -> trail.export(query, sink);
    }

    /** The whole chain checked now. */
    public ChainVerification verify() {
        ChainVerification result = chain.verify();
        CallerAudit.Entry verified = entry(AuditAction.ADMIN_AUDIT_VERIFY, null);
        if (result.ok()) {
            verified.success();
        } else {
            verified.failed(null);
        }
        return result;
    }

    private CallerAudit.Entry entry(AuditAction action, AuditQuery query) {
        return audit.of(action, "AuditLog").patient(query == null ? null : query.patientId());
    }
}

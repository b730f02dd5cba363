package health.citadel.identity.api;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import java.util.UUID;

/**
 * The audit trail of what the current caller does, one entry at a time:
 * {@code audit.of(AuditAction.READ, "ChartEntry").resource(id).patient(patientId).success()}. The outcome chooses
 * the transaction, so the two cannot disagree: a success commits with the operation it records, or not at all; a
 * denial or failure commits on its own, so that it outlives the operation's rollback.
 */
public interface CallerAudit {

    /** A fresh entry, with the caller, the request's source address and its id filled in. */
    Entry of(AuditAction action, String resourceType);

    /** One entry: name what was touched, then record it by its outcome, which returns the event recorded. */
    interface Entry {

        /** The record's id, if the access names one record. */
        Entry resource(String id);

        Entry patient(UUID id);

        /** The patient is flagged restricted (a VIP, an employee): the entry raises an alert. */
        Entry restrictedPatient(boolean restricted);

        /** Recorded in the caller's transaction. */
        default AuditEvent success() {
            return success(null);
        }

        /** Recorded in the caller's transaction, with why, where the person had to say. */
        AuditEvent success(String reason);

        /** Recorded in a transaction of its own. */
        AuditEvent denied(String reason);

        /** Recorded in a transaction of its own. */
        AuditEvent failed(String reason);

        /**
         * A failure the operation carries on past (a key rotation's batch that skips one patient): recorded in the
         * caller's transaction, so that it commits with the operation, once, or not at all.
         */
        AuditEvent failedButCarriedOn(String reason);
    }
}

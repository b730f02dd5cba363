package health.citadel.records.internal.patient;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.identity.api.AccessPolicy;
import health.citadel.identity.api.CallerAudit;
import health.citadel.identity.api.Permission;
import health.citadel.records.internal.ChartChange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.UUID;

/**
 * Every use of the chart passes here: the access policy decides (and audits its denials), and what was done
 * is audited in the same transaction. Changes also describe the revision Envers writes.
 */
@RequestScoped
public class ChartAccess {

    @Inject
    AccessPolicy policy;

    @Inject
    CallerAudit audit;

    @Inject
    ChartChange change;

    /** Refuses unless the caller may use {@code permission} on the patient (null: on no one patient). */
    public void require(Permission permission, UUID patientId) {
        policy.require(permission, patientId);
    }

    /** Whether the caller may, without refusing; a denial is still audited by the policy. */
    boolean permits(Permission permission, UUID patientId) {
        return policy.decide(permission, patientId).allowed();
    }

    public void audit(AuditAction action, String resourceType, Patient patient, String reason) {
        audit(action, resourceType, patient.id(), patient, reason);
    }

    /** An access to one record of the patient's chart, or to several when {@code resourceId} is null. */
    public void audit(AuditAction action, String resourceType, UUID resourceId, Patient patient, String reason) {
        entry(action, resourceType, resourceId, patient).success(reason);
    }

    public ChartChange.Description change(AuditAction action, String resourceType, Patient patient, String reason) {
        return change(action, resourceType, patient.id(), patient, reason);
    }

    /** Audits a change and names its actor, reason and request on the revision about to be written. */
    public ChartChange.Description change(AuditAction action, String resourceType, UUID resourceId,
                                          Patient patient, String reason) {
        // the event first: the revision takes its actor and request id (Envers writes it only at commit)
        AuditEvent event = entry(action, resourceType, resourceId, patient).success(reason);
        ChartChange.Description description = new ChartChange.Description(event.actorId(), reason, event.requestId());
        change.set(description);
        return description;
    }

    /** An access to the patient's chart; a restricted patient's is marked, so that it raises an alert. */
    private CallerAudit.Entry entry(AuditAction action, String resourceType, UUID resourceId, Patient patient) {
        return audit.of(action, resourceType).resource(Objects.toString(resourceId, null)).patient(patient.id())
                .restrictedPatient(patient.restricted());
    }
}

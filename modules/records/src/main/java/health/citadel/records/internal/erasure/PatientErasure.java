package health.citadel.records.internal.erasure;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.Permission;
import health.citadel.records.internal.ChartChange;
import health.citadel.records.internal.keys.ChartKeys;
import health.citadel.records.internal.keys.PatientErased;
import health.citadel.records.internal.patient.ChartAccess;
import health.citadel.records.internal.patient.Patient;
import health.citadel.records.internal.patient.PatientRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * GDPR erasure by crypto-shredding: the patient's data key is destroyed, so no version of the chart decrypts
 * in any region or backup; the blind indexes are dropped, a tombstone remains, and the ledger records it for
 * restores. The audit log keeps that it happened.
 */
@ApplicationScoped
public class PatientErasure {

    /** The erasure, as the API reports it. */
    @Schema(description = "The erasure: from now on every version of the patient reads as a tombstone (410).")
    public record Erased(@Schema(description = "The erased patient's id.") UUID patientId,
                         @Schema(description = "When the data key was destroyed.") Instant erasedAt) {
    }

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    @Inject
    ChartKeys keys;

    @Inject
    PatientRows rows;

    @Inject
    ChartAccess access;

    @Transactional
    public Erased erase(UUID id, String reason) {
        access.require(Permission.ERASE_PATIENT, id);
        Patient patient = rows.find(id);
        Instant now = Instant.now();
        if (!keys.destroy(id, now)) {
            throw new PatientErased();
        }
        patient.forgetIndexes();
        ChartChange.Description erasure = access.change(AuditAction.ERASE, "Patient", patient, reason);
        entityManager.persist(new ErasureEntry(id, now, erasure.actorId(), erasure.requestId()));
        return new Erased(id, now);
    }
}

package health.citadel.records.internal.keys;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.CallerAudit;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.platform.crypto.EnvelopeEncryption;
import health.citadel.platform.crypto.UnreadableCiphertext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One batch of a key rotation, in a transaction of its own: the patients' keys, their re-encrypted values and
 * the advanced cursor commit together. A crash loses the batch, never half of it, and the next run redoes it.
 */
@ApplicationScoped
class RotationBatches {

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    @Inject
    ChartKeys keys;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CallerAudit audit;

    /** The unfinished rotation of this kind, or a new one; audited as KEY_ROTATION either way. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    UUID startOrResume(KeyRotation.Kind kind) {
        List<KeyRotation> unfinished = entityManager.createQuery("SELECT r FROM KeyRotation r WHERE r.kind = :kind "
                + "AND r.finishedAt IS NULL", KeyRotation.class).setParameter("kind", kind).getResultList();
        KeyRotation rotation = unfinished.isEmpty()
                ? new KeyRotation(kind, currentCaller.get().userId(), Instant.now()) : unfinished.get(0);
        if (unfinished.isEmpty()) {
            entityManager.persist(rotation);
        }
        audit.of(AuditAction.KEY_ROTATION, "KeyRotation").resource(rotation.getId().toString())
                .success(kind + (unfinished.isEmpty() ? " started" : " resumed"));
        return rotation.getId();
    }

    /** Rotates up to {@code limit} patients after the cursor; returns how many, 0 once the rotation is done. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int next(UUID rotationId, int limit) {
        // the row lock makes concurrent runs of one rotation take turns instead of doing a batch twice
        KeyRotation rotation = entityManager.find(KeyRotation.class, rotationId, LockModeType.PESSIMISTIC_WRITE);
        if (rotation.getFinishedAt() != null) {
            return 0;
        }
        List<UUID> patients = entityManager.createQuery("SELECT k.patientId FROM PatientKey k WHERE k.wrappedKey "
                        + "IS NOT NULL AND k.patientId > :cursor ORDER BY k.patientId", UUID.class)
                .setParameter("cursor", rotation.cursor()).setMaxResults(limit).getResultList();
        if (patients.isEmpty()) {
            rotation.finish(Instant.now());
            return 0;
        }
        int skipped = 0;
        for (UUID patient : patients) {
            if (rotation.getKind() == KeyRotation.Kind.KEY_ENCRYPTION_KEY) {
                keys.rewrap(patient);
            } else if (!reencrypt(patient)) {
                skipped++;
            }
        }
        rotation.advance(patients.get(patients.size() - 1), patients.size() - skipped, skipped);
        return patients.size();
    }

    /**
     * Every stored value of the patient, current and historic, moves to a new data key: all are re-encrypted
     * before any is written, so a value that will not decrypt (tampering) leaves the patient wholly on the old
     * key, audited, rather than half-moved. Rows are rewritten in place: rotation adds no revision.
     */
    private boolean reencrypt(UUID patient) {
        EnvelopeEncryption.Replacement replacement;
        List<Rewrite> rewrites = new ArrayList<>();
        try {
            replacement = keys.replacement(patient);
            rewrites.addAll(reencrypted(replacement, "patient", "demographics", "id", patient, false));
            rewrites.addAll(reencrypted(replacement, "patient", "demographics", "id", patient, true));
            rewrites.addAll(reencrypted(replacement, "chart_entry", "content", "patient_id", patient, false));
            rewrites.addAll(reencrypted(replacement, "chart_entry", "content", "patient_id", patient, true));
        } catch (UnreadableCiphertext e) {
            // the batch goes on without this patient: the failure commits with the batch, so a redone batch records it once
            audit.of(AuditAction.KEY_ROTATION, "Patient").resource(patient.toString()).patient(patient)
                    .failedButCarriedOn("a stored value does not decrypt; this patient's data key was not rotated");
            return false;
        }
        for (Rewrite rewrite : rewrites) {
            entityManager.createNativeQuery("UPDATE " + rewrite.table() + " SET " + rewrite.column()
                            + " = ?1 WHERE id = ?2 AND " + rewrite.revColumn() + " = ?3")
                    .setParameter(1, rewrite.value()).setParameter(2, rewrite.id()).setParameter(3, rewrite.rev())
                    .executeUpdate();
        }
        keys.keep(patient, replacement);
        return true;
    }

    /** One stored value, re-encrypted, waiting to be written. */
    private record Rewrite(String table, String column, String revColumn, UUID id, long rev, byte[] value) {
    }

    /**
     * One encrypted column of the patient's rows in a table or in its Envers history, re-encrypted. The
     * binding names the current table even for history rows, as they were sealed. Names are ours, not input.
     */
    private List<Rewrite> reencrypted(EnvelopeEncryption.Replacement replacement, String table, String column,
                                      String patientColumn, UUID patient, boolean history) {
        String stored = "records." + table + (history ? "_history" : "");
        String rev = history ? "rev" : "0"; // current rows have no revision; 0 stands in for it
        List<Rewrite> rewrites = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("SELECT id, " + rev + ", " + column + " FROM " + stored
                + " WHERE " + patientColumn + " = ?1 AND " + column + " IS NOT NULL").setParameter(1, patient)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            UUID id = (UUID) columns[0];
            rewrites.add(new Rewrite(stored, column, rev, id, ((Number) columns[1]).longValue(),
                    replacement.reencrypt((byte[]) columns[2], ChartKeys.binding(table, column, id))));
        }
        return rewrites;
    }
}

package health.citadel.records.internal.keys;

import health.citadel.identity.api.AccessPolicy;
import health.citadel.identity.api.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Online key rotation for administrators with a recent second factor. A run starts a rotation, or resumes
 * the unfinished one of that kind, and works in committed batches until it is done or has done
 * {@code maxPatients}; the chart stays readable throughout. Each run is audited as KEY_ROTATION.
 */
@ApplicationScoped
public class KeyRotations {

    private static final int BATCH = 100;

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    @Inject
    RotationBatches batches;

    @Inject
    ChartKeys keys;

    /** The policy itself, not ChartAccess: a rotation concerns no one patient, and keys sit below the patient. */
    @Inject
    AccessPolicy policy;

    public KeyRotation run(KeyRotation.Kind kind, int maxPatients) {
        policy.require(Permission.MANAGE_KEYS, null);
        if (kind == KeyRotation.Kind.KEY_ENCRYPTION_KEY) {
            keys.reloadKeyEncryptionKey();
        }
        UUID id = batches.startOrResume(kind);
        int left = maxPatients;
        while (left > 0) {
            int done = batches.next(id, Math.min(BATCH, left));
            if (done == 0) {
                break;
            }
            left -= done;
        }
        return entityManager.find(KeyRotation.class, id);
    }

    /** Newest first. */
    public List<KeyRotation> list() {
        return entityManager.createQuery("SELECT r FROM KeyRotation r ORDER BY r.startedAt DESC", KeyRotation.class)
                .setMaxResults(100).getResultList();
    }
}

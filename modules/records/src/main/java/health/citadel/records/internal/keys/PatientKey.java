package health.citadel.records.internal.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient's data key, wrapped by the key-encryption key. Deliberately not versioned: once destroyed, no
 * history keeps it.
 */
@Entity
@Table(schema = "records", name = "patient_key")
public class PatientKey {

    @Id
    @Column(name = "patient_id")
    private UUID patientId;

    @Column(name = "wrapped_key")
    private byte[] wrappedKey;

    // the database lets the application update only the wrapped key and its destruction
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "destroyed_at")
    private Instant destroyedAt;

    protected PatientKey() {
    }

    PatientKey(UUID patientId, byte[] wrappedKey, Instant createdAt) {
        this.patientId = patientId;
        this.wrappedKey = wrappedKey;
        this.createdAt = createdAt;
    }

    byte[] wrappedKey() {
        return wrappedKey;
    }

    void rewrap(byte[] wrapped) {
        this.wrappedKey = wrapped;
    }

    /** Crypto-shredding: without this key no version of the patient's data decrypts, in any copy. */
    void destroy(Instant at) {
        this.wrappedKey = null;
        this.destroyedAt = at;
    }
}

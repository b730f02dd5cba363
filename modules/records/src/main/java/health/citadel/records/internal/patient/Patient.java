package health.citadel.records.internal.patient;

import health.citadel.records.internal.VersionedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.AuditTable;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * A patient in the register. What identifies or describes the person is one encrypted document; the
 * database sees ciphertext, two blind indexes for exact search, and flags that carry no identity.
 */
@Entity
@Table(schema = "records", name = "patient")
@Audited
@AuditTable(schema = "records", value = "patient_history")
public class Patient extends VersionedRow {

    /** AES-256-GCM under the patient's data key, bound to this table, column and row. */
    @Column(nullable = false)
    private byte[] demographics;

    @NotAudited
    @Column(name = "mrn_index")
    private byte[] mrnIndex;

    @NotAudited
    @Column(name = "name_birth_index")
    private byte[] nameBirthIndex;

    /** A VIP or an employee: every access raises an alert. */
    private boolean restricted;

    protected Patient() {
    }

    Patient(UUID id, Instant createdAt) {
        super(id, createdAt);
    }

    byte[] demographics() {
        return demographics;
    }

    public boolean restricted() {
        return restricted;
    }

    void record(byte[] encryptedDemographics, byte[] mrnIndex, byte[] nameBirthIndex, boolean restricted, Instant at) {
        this.demographics = encryptedDemographics;
        this.mrnIndex = mrnIndex;
        this.nameBirthIndex = nameBirthIndex;
        this.restricted = restricted;
        changed(at);
    }

    /** Sets or clears the flag alone; the demographics stay as they are. */
    void restrict(boolean restricted, Instant at) {
        this.restricted = restricted;
        changed(at);
    }

    /** Erasure drops the blind indexes: nothing can find the patient any more. */
    public void forgetIndexes() {
        this.mrnIndex = null;
        this.nameBirthIndex = null;
    }
}

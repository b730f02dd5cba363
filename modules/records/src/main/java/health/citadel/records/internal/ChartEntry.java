package health.citadel.records.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.AuditTable;
import org.hibernate.envers.Audited;

/** One entry of a patient's clinical chart; what it says is encrypted under the patient's data key. */
@Entity
@Table(schema = "records", name = "chart_entry")
@Audited
@AuditTable(schema = "records", value = "chart_entry_history")
public class ChartEntry {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntryKind kind;

    /** AES-256-GCM under the patient's data key, bound to this table, column and entry. */
    @Column(nullable = false)
    private byte[] content;

    private boolean retired;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ChartEntry() {
    }

    ChartEntry(UUID id, UUID patientId, EntryKind kind, Instant createdAt) {
        this.id = id;
        this.patientId = patientId;
        this.kind = kind;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    UUID id() {
        return id;
    }

    long version() {
        return version;
    }

    UUID patientId() {
        return patientId;
    }

    EntryKind kind() {
        return kind;
    }

    byte[] content() {
        return content;
    }

    boolean retired() {
        return retired;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void record(byte[] encryptedContent, Instant at) {
        this.content = encryptedContent;
        this.updatedAt = at;
    }

    void retire(Instant at) {
        this.retired = true;
        this.updatedAt = at;
    }
}

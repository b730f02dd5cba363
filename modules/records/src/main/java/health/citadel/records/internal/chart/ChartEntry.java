package health.citadel.records.internal.chart;

import health.citadel.records.internal.VersionedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.AuditTable;
import org.hibernate.envers.Audited;

/** One entry of a patient's clinical chart; what it says is encrypted under the patient's data key. */
@Entity
@Table(schema = "records", name = "chart_entry")
@Audited
@AuditTable(schema = "records", value = "chart_entry_history")
public class ChartEntry extends VersionedRow {

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntryKind kind;

    /** AES-256-GCM under the patient's data key, bound to this table, column and entry. */
    @Column(nullable = false)
    private byte[] content;

    protected ChartEntry() {
    }

    ChartEntry(UUID id, UUID patientId, EntryKind kind, Instant createdAt) {
        super(id, createdAt);
        this.patientId = patientId;
        this.kind = kind;
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

    void record(byte[] encryptedContent, Instant at) {
        this.content = encryptedContent;
        changed(at);
    }
}

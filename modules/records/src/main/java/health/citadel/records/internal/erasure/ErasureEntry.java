package health.citadel.records.internal.erasure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the erasure ledger, which a restore replays. */
@Entity
@Table(schema = "records", name = "erasure")
public class ErasureEntry {

    @Id
    @Column(name = "patient_id")
    private UUID patientId;

    @Column(name = "erased_at", nullable = false)
    private Instant erasedAt;

    @Column(name = "erased_by", nullable = false)
    private String erasedBy;

    @Column(name = "request_id")
    private String requestId;

    protected ErasureEntry() {
    }

    ErasureEntry(UUID patientId, Instant erasedAt, String erasedBy, String requestId) {
        this.patientId = patientId;
        this.erasedAt = erasedAt;
        this.erasedBy = erasedBy;
        this.requestId = requestId;
    }
}

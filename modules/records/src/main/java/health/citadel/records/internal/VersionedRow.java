package health.citadel.records.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * What every versioned row of the chart (a patient, a chart entry) has: its id, the version If-Match names,
 * when it was made and last changed, and whether it was retired (kept, with its history, but marked as entered
 * in error).
 */
@MappedSuperclass
@Audited
public abstract class VersionedRow {

    @Id
    private UUID id;

    @Version
    private long version;

    private boolean retired;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected VersionedRow() {
    }

    protected VersionedRow(UUID id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    public boolean retired() {
        return retired;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    protected void changed(Instant at) {
        this.updatedAt = at;
    }

    public void retire(Instant at) {
        this.retired = true;
        this.updatedAt = at;
    }
}

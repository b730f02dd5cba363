package health.citadel.records.internal.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rotation of the chart's keys and how far it got: the cursor is the last patient done. */
@Entity
@Table(schema = "records", name = "key_rotation")
@Schema(description = "One rotation of the chart's keys and how far it got.")
public class KeyRotation {

    @Schema(name = "KeyRotationKind", description = "KEY_ENCRYPTION_KEY re-wraps every data key under the key file's "
            + "new primary key (a KMS key: under its newest material); DATA_KEYS gives every patient a new data key and "
            + "re-encrypts their values.")
    public enum Kind {
        /** Wrap every data key again under the key-encryption key's new primary key, or a KMS key's newest material. */
        KEY_ENCRYPTION_KEY,
        /** Give every patient a new data key and re-encrypt their values, history included. */
        DATA_KEYS
    }

    /** Patient ids are compared as PostgreSQL orders uuids; this one comes first. */
    static final UUID BEFORE_FIRST = new UUID(0, 0);

    @Id
    @Schema(description = "The rotation's id.")
    private UUID id;

    // which, when and by whom never change: the database lets the application update a rotation's progress only
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    @Schema(description = "Which keys it rotates.")
    private Kind kind;

    @Column(name = "started_at", nullable = false, updatable = false)
    @Schema(description = "When the first run began.")
    private Instant startedAt;

    @Column(name = "started_by", nullable = false, updatable = false)
    @Schema(description = "The administrator who started it: the identity provider's id.")
    private String startedBy;

    @Column(name = "finished_at")
    @Schema(description = "When it finished; absent while patients remain for another run.")
    private Instant finishedAt;

    @Schema(hidden = true)
    private UUID cursor;

    @Column(nullable = false)
    @Schema(description = "Patients done so far.")
    private long processed;

    @Column(nullable = false)
    @Schema(description = "Patients left on their old data key because a stored value did not decrypt; each is "
            + "audited.")
    private long skipped;

    protected KeyRotation() {
    }

    KeyRotation(Kind kind, String startedBy, Instant startedAt) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
    }

    public UUID getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public long getProcessed() {
        return processed;
    }

    public long getSkipped() {
        return skipped;
    }

    UUID cursor() {
        return cursor == null ? BEFORE_FIRST : cursor;
    }

    void advance(UUID lastDone, int done, int skippedNow) {
        this.cursor = lastDone;
        this.processed += done;
        this.skipped += skippedNow;
    }

    void finish(Instant at) {
        this.finishedAt = at;
    }
}

package health.citadel.records.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One rotation of the chart's keys and how far it got: the cursor is the last patient done. */
@Entity
@Table(schema = "records", name = "key_rotation")
public class KeyRotation {

    public enum Kind {
        /** Wrap every data key again under the key-encryption key's new primary key. */
        KEY_ENCRYPTION_KEY,
        /** Give every patient a new data key and re-encrypt their values, history included. */
        DATA_KEYS
    }

    /** Patient ids are compared as PostgreSQL orders uuids; this one comes first. */
    static final UUID BEFORE_FIRST = new UUID(0, 0);

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "started_by", nullable = false)
    private String startedBy;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private UUID cursor;

    @Column(nullable = false)
    private long processed;

    @Column(nullable = false)
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

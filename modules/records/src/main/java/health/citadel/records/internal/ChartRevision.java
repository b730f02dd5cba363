package health.citadel.records.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One change to the chart, as Envers numbers it: who made it, why, and in which request. */
@Entity
@Table(schema = "records", name = "revision")
@RevisionEntity(ChartRevisionListener.class)
public class ChartRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private long id;

    @RevisionTimestamp
    private long at;

    @Column(name = "actor_id", nullable = false)
    private String actorId;

    private String reason;

    @Column(name = "request_id")
    private String requestId;

    long id() {
        return id;
    }

    long at() {
        return at;
    }

    String actorId() {
        return actorId;
    }

    String reason() {
        return reason;
    }

    String requestId() {
        return requestId;
    }

    void describe(ChartChange.Description change) {
        this.actorId = change.actorId();
        this.reason = change.reason();
        this.requestId = change.requestId();
    }
}

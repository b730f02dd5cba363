package health.citadel.identity.internal;

import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.identity.internal.AccessReview.Finding;
import health.citadel.platform.jdbc.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finished access reviews, newest first. */
@ApplicationScoped
public class AccessReviews {

    private static final String TABLE = "access reviews";

    @Inject
    ApplicationDatabase database;

    /** Keeps a finished review; it commits with the audit entry that {@code reported} records, or not at all. */
    @Transactional
    void save(AccessReview review, Runnable reported) {
        Rows.update(database, TABLE, "INSERT INTO identity.access_review_run (id, started_at, finished_at, trigger, "
                + "requested_by) VALUES (?, ?, ?, ?, ?)", review.id(), review.startedAt(), review.finishedAt(),
                review.trigger().name(), review.requestedBy());
        for (int position = 0; position < review.findings().size(); position++) {
            Finding finding = review.findings().get(position);
            Rows.update(database, TABLE, "INSERT INTO identity.access_review_finding (id, run_id, position, kind, "
                    + "user_id, username, detail) VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), review.id(),
                    position, finding.kind().name(), finding.userId(), finding.username(), finding.detail());
        }
        reported.run();
    }

    public Optional<AccessReview> latest() {
        return Rows.query(database, TABLE, "SELECT id, started_at, finished_at, trigger, requested_by FROM "
                + "identity.access_review_run ORDER BY started_at DESC LIMIT 1", row -> new AccessReview(
                        row.getObject("id", UUID.class), Rows.instant(row, "started_at"), Rows.instant(row, "finished_at"),
                        AccessReview.Trigger.valueOf(row.getString("trigger")), row.getString("requested_by"), List.of()))
                .stream().findFirst()
                .map(run -> new AccessReview(run.id(), run.startedAt(), run.finishedAt(), run.trigger(),
                        run.requestedBy(), findings(run.id())));
    }

    Optional<Instant> lastStart(AccessReview.Trigger trigger) {
        return Rows.query(database, TABLE, "SELECT max(started_at) AS started_at FROM identity.access_review_run"
                + " WHERE trigger = ?", row -> Optional.ofNullable(Rows.instant(row, "started_at")), trigger.name()).get(0);
    }

    private List<Finding> findings(UUID runId) {
        return Rows.query(database, TABLE, "SELECT kind, user_id, username, detail FROM identity.access_review_finding"
                + " WHERE run_id = ? ORDER BY position", row -> new Finding(AccessReview.Kind.valueOf(row.getString("kind")),
                row.getString("user_id"), row.getString("username"), row.getString("detail")), runId);
    }
}

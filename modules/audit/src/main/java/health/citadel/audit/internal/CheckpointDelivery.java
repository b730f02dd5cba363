package health.citadel.audit.internal;

import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.platform.jdbc.Statements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The webhook witness: hands the newest signed checkpoint to the hospital's webhook through the outbox, so that a
 * SIEM or a write-once store holds the chain's head outside this database. The newest checkpoint is enough: its
 * hash commits to every event before it, so one delivered late or skipped loses nothing.
 */
@ApplicationScoped
class CheckpointDelivery {

    /** "CITACKPT": one instance delivers at a time. */
    private static final long LOCK_KEY = 0x4349_5441_434B_5054L;
    /** A failed delivery of the same checkpoint is not retried sooner than this. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @Inject
    ApplicationDatabase database;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void deliverNewest(AlertWebhook webhook) {
        try (Connection connection = database.getConnection()) {
            if (!Statements.exists(connection, "SELECT 1 WHERE pg_try_advisory_xact_lock(?)", LOCK_KEY)) {
                return;
            }
            Checkpoint newest = undeliveredNewest(connection, Instant.now().minus(RETRY_AFTER));
            if (newest == null) {
                return;
            }
            int status = webhook.post(newest);
            try (PreparedStatement attempt = connection.prepareStatement("INSERT INTO audit.checkpoint_delivery_attempt"
                    + " (position, signed_at, attempted_at, delivered, http_status) VALUES (?, ?, ?, ?, ?)")) {
                attempt.setLong(1, newest.position());
                attempt.setTimestamp(2, Timestamp.from(newest.signedAt()));
                attempt.setTimestamp(3, Timestamp.from(Instant.now()));
                attempt.setBoolean(4, status >= 200 && status < 300);
                attempt.setObject(5, status < 0 ? null : status);
                attempt.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot deliver an audit checkpoint (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The newest checkpoint unless it was delivered, or last tried after {@code retryAfter}. */
    private static Checkpoint undeliveredNewest(Connection connection, Instant retryAfter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT c.position, c.hash, c.signed_at, c.signature"
                + " FROM (SELECT * FROM audit.chain_checkpoint ORDER BY position DESC, signed_at DESC LIMIT 1) c"
                + " WHERE NOT EXISTS (SELECT 1 FROM audit.checkpoint_delivery_attempt d WHERE d.position = c.position"
                + " AND d.signed_at = c.signed_at AND (d.delivered OR d.attempted_at > ?))")) {
            query.setTimestamp(1, Timestamp.from(retryAfter));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Checkpoint(row.getLong(1), row.getBytes(2), row.getTimestamp(3).toInstant(),
                        row.getBytes(4)) : null;
            }
        }
    }
}

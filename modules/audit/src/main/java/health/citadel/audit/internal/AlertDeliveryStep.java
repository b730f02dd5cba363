package health.citadel.audit.internal;

import jakarta.inject.Inject;
import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.platform.jdbc.Statements;
import health.citadel.audit.api.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** The outbox's reads and writes; each delivery is a transaction of its own. */
@ApplicationScoped
class AlertDeliveryStep {

    /** How many undelivered alerts one poll reads. */
    static final int POLL = 50;
    static final Metadata FAILED = Metadata.builder().withName("citadel_audit_alert_deliveries_failed")
            .withDescription("Alert deliveries the webhook did not accept (no answer, or not 2xx); each is retried"
                    + " with backoff until its attempts are used up").build();

    /** An undelivered alert and how its delivery has gone so far. */
    record Pending(Alert alert, int attempts, Instant lastAttempt) {
    }

    @Inject
    ApplicationDatabase database;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** @param raisedSince older alerts have used up their attempts: the poll need not read them */
    List<Pending> undelivered(int maxAttempts, Instant raisedSince) {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + AlertRows.COLUMNS
                     + ", false AS delivered, count(d.attempt) AS attempts, max(d.attempted_at) AS last_attempt"
                     + " FROM audit.alert a LEFT JOIN audit.alert_delivery_attempt d ON d.alert_id = a.id"
                     + " WHERE a.raised_at >= ? GROUP BY a.id HAVING NOT coalesce(bool_or(d.delivered), false) AND count(d.attempt) < ?"
                     + " ORDER BY a.raised_at LIMIT " + POLL)) {
            query.setTimestamp(1, Timestamp.from(raisedSince));
            query.setInt(2, maxAttempts);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp last = rows.getTimestamp("last_attempt");
                    pending.add(new Pending(AlertRows.read(rows), rows.getInt("attempts"),
                            last == null ? null : last.toInstant()));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the alert outbox (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Delivers one alert unless another instance holds it or it was delivered meanwhile, and records the
     * attempt. The post happens inside the transaction that records it, so a delivery is sent once per
     * attempt row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void deliver(Alert alert, AlertWebhook webhook) {
        try (Connection connection = database.getConnection()) {
            if (!Statements.exists(connection, "SELECT 1 WHERE pg_try_advisory_xact_lock(?)",
                    alert.id().getMostSignificantBits())) {
                return;
            }
            int attempts;
            try (PreparedStatement state = connection.prepareStatement("SELECT count(*), coalesce(bool_or(delivered), "
                    + "false) FROM audit.alert_delivery_attempt WHERE alert_id = ?")) {
                state.setObject(1, alert.id());
                try (ResultSet row = state.executeQuery()) {
                    row.next();
                    if (row.getBoolean(2)) {
                        return;
                    }
                    attempts = row.getInt(1);
                }
            }
            int status = webhook.post(alert);
            try (PreparedStatement record = connection.prepareStatement("INSERT INTO audit.alert_delivery_attempt "
                    + "(alert_id, attempt, attempted_at, delivered, http_status) VALUES (?, ?, ?, ?, ?)")) {
                record.setObject(1, alert.id());
                record.setInt(2, attempts + 1);
                record.setTimestamp(3, Timestamp.from(Instant.now()));
                record.setBoolean(4, delivered(status));
                record.setObject(5, status < 0 ? null : status);
                record.executeUpdate();
            }
            if (!delivered(status)) {
                metrics.counter(FAILED).inc();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record an alert delivery (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static boolean delivered(int status) {
        return status >= 200 && status < 300;
    }

    /**
     * Exponential backoff with jitter: base, 2×base, 4×base … up to the cap, each wait shortened by a random
     * share of up to a half, so that alerts failed together (the receiver was down) are not all retried together.
     * The share is drawn from the alert and its attempt, not anew at each poll: polling four times a second must
     * not make an alert due early by drawing again and again.
     */
    static boolean due(Pending pending, Duration base, Duration cap, Instant now) {
        return pending.lastAttempt() == null || !now.isBefore(pending.lastAttempt().plus(wait(pending, base, cap)));
    }

    static Duration wait(Pending pending, Duration base, Duration cap) {
        long factor = 1L << Math.min(pending.attempts() - 1, 20);
        Duration full = base.multipliedBy(factor).compareTo(cap) > 0 ? cap : base.multipliedBy(factor);
        long seed = pending.alert() == null ? 0 : pending.alert().id().getLeastSignificantBits();
        double share = new SplittableRandom(seed * 31 + pending.attempts()).nextDouble();
        return Duration.ofMillis((long) (full.toMillis() * (1 - share / 2)));
    }
}

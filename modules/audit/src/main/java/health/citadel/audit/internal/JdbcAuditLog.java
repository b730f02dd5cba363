package health.citadel.audit.internal;

import health.citadel.audit.api.CanonicalEvent;
import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes sealed events through the application's JTA data source. Writing takes no lock shared with other
 * transactions: chaining happens after commit ({@link AuditChainer}).
 */
@ApplicationScoped
class JdbcAuditLog implements AuditLog {

    @Inject
    ApplicationDatabase database;

    @Inject
    AuditKeys keys;

    @Inject
    SealedHere sealedHere;

    @Inject
    ShreddableReasons reasons;

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(AuditEvent event) {
        insert(event);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRegardless(AuditEvent event) {
        insert(event);
    }

    private void insert(AuditEvent given) {
        AuditEvent event = reasons.forStorage(given);
        byte[] canonical = CanonicalEvent.of(event);
        byte[] seal = keys.sign(canonical);
        sealedHere.remember(event.id(), canonical, seal, Instant.now());
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(EventRows.INSERT)) {
            EventRows.bind(insert, event, seal);
            insert.executeUpdate();
        } catch (SQLException e) {
            // the operation must not succeed unaudited: fail it, and say nothing of the event's content
            throw new IllegalStateException("cannot write audit event " + event.id() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }
}

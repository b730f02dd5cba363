package health.citadel.dr.internal.operations;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditLog;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.platform.background.BackgroundWork;
import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.platform.migration.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns each DR operation that {@code bin/citadel dr} recorded in {@code dr.operation} into an audit event on
 * the writer, in one transaction with marking the row audited, so every operation is audited exactly once even
 * though the command line has no audit signing key.
 */
@ApplicationScoped
class OperationAudit {

    static final String CLIENT = "citadel-dr-cli";
    private static final int BATCH = 50;

    @Inject
    ApplicationDatabase database;

    @Inject
    AuditLog auditLog;

    @Inject
    BackgroundWork background;

    @Inject
    @ConfigProperty(name = "citadel.dr.operation-audit-interval", defaultValue = "PT5S")
    Duration interval;

    void start(@Observes SchemaReady ready, OperationAudit self) {
        background.every(interval, "DR operation audit", self::auditPending);
    }

    @Transactional
    public void auditPending() {
        try (Connection connection = database.getConnection();
             PreparedStatement pending = connection.prepareStatement("SELECT id, action, operator, region, outcome, "
                     + "finished_at, detail FROM dr.operation WHERE audited_at IS NULL ORDER BY finished_at LIMIT "
                     + BATCH + " FOR UPDATE SKIP LOCKED");
             PreparedStatement audited = connection.prepareStatement(
                     "UPDATE dr.operation SET audited_at = now() WHERE id = ?")) {
            try (ResultSet rows = pending.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    // a failed operation too commits with its row marked audited: exactly once, whatever happens
                    auditLog.record(AuditEvent.by(rows.getString(3), AuditAction.valueOf(rows.getString(2)), "Region")
                            .at(rows.getTimestamp(6).toInstant()).roles(Set.of("dba")).client(CLIENT)
                            .resource(rows.getString(4))
                            .outcome("SUCCESS".equals(rows.getString(5)) ? AuditOutcome.SUCCESS : AuditOutcome.FAILED)
                            .request(id.toString()).reason(rows.getString(7)).build());
                    audited.setObject(1, id);
                    audited.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DR operations could not be audited (SQLState " + e.getSQLState() + ")", e);
        }
    }
}

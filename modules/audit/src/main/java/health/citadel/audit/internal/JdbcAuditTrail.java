package health.citadel.audit.internal;

import jakarta.inject.Inject;
import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditPage;
import health.citadel.audit.api.AuditQuery;
import health.citadel.audit.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

@ApplicationScoped
class JdbcAuditTrail implements AuditTrail {

    private static final int EXPORT_FETCH = 1000;

    @Inject
    ApplicationDatabase database;

    @Inject
    ShreddableReasons reasons;

    @Override
    public AuditPage find(AuditQuery query) {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = new EventQuery(query).page(connection, query);
             ResultSet rows = statement.executeQuery()) {
            List<AuditEvent> events = new ArrayList<>();
            while (rows.next()) {
                events.add(reasons.forReading(EventRows.read(rows)));
            }
            boolean hasMore = events.size() > query.size();
            return new AuditPage(hasMore ? events.subList(0, query.size()) : events, query.page(), query.size(), hasMore);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** In a transaction, so that PostgreSQL streams the rows through a cursor. */
    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public void export(AuditQuery query, Consumer<AuditEvent> sink) {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = new EventQuery(query).everything(connection)) {
            statement.setFetchSize(EXPORT_FETCH);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(reasons.forReading(EventRows.read(rows)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log (SQLState " + e.getSQLState() + ")", e);
        }
    }
}

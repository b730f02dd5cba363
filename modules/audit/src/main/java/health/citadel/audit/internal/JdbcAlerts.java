package health.citadel.audit.internal;

import jakarta.inject.Inject;
import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.audit.api.Alert;
import health.citadel.audit.api.Alerts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
class JdbcAlerts implements Alerts {

    @Inject
    ApplicationDatabase database;

    @Override
    public List<Alert> recent(int page, int size) {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + AlertRows.COLUMNS + ", EXISTS "
                     + "(SELECT 1 FROM audit.alert_delivery_attempt d WHERE d.alert_id = a.id AND d.delivered) AS delivered"
                     + " FROM audit.alert a ORDER BY a.raised_at DESC, a.id LIMIT ? OFFSET ?")) {
            query.setInt(1, size);
            query.setLong(2, (long) page * size);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    alerts.add(AlertRows.read(rows));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alerts (SQLState " + e.getSQLState() + ")", e);
        }
    }
}

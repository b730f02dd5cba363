package health.citadel.audit.internal;

import health.citadel.audit.api.AuditQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The SQL for an {@link AuditQuery}: fixed text with a placeholder per filter, values bound, never spliced. */
final class EventQuery {

    private final String where;
    private final List<Object> values = new ArrayList<>();

    EventQuery(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        if (query.patientId() != null) {
            conditions.add("patient_id = ?");
            values.add(query.patientId());
        }
        if (query.actorId() != null) {
            conditions.add("actor_id = ?");
            values.add(query.actorId());
        }
        if (query.action() != null) {
            conditions.add("action = ?");
            values.add(query.action().name());
        }
        if (query.outcome() != null) {
            conditions.add("outcome = ?");
            values.add(query.outcome().name());
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= ?");
            values.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < ?");
            values.add(Timestamp.from(query.to()));
        }
        this.where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Newest first, one row more than the page so the caller can tell whether another page follows. */
    PreparedStatement page(Connection connection, AuditQuery query) throws SQLException {
        PreparedStatement statement = prepare(connection,
                " ORDER BY occurred_at DESC, seq DESC LIMIT ? OFFSET ?");
        statement.setInt(values.size() + 1, query.size() + 1);
        statement.setLong(values.size() + 2, (long) query.page() * query.size());
        return statement;
    }

    PreparedStatement everything(Connection connection) throws SQLException {
        return prepare(connection, " ORDER BY occurred_at, seq");
    }

    private PreparedStatement prepare(Connection connection, String order) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                "SELECT " + EventRows.COLUMNS + " FROM audit.access_event" + where + order);
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }
}

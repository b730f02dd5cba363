package health.citadel.audit.internal;

import health.citadel.audit.api.Alert;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/** Reads alerts; the query must select the alert's columns and a boolean {@code delivered}. */
final class AlertRows {

    static final String COLUMNS = "a.id, a.rule, a.severity, a.actor_id, a.patient_id, a.raised_at, a.evidence";

    private AlertRows() {
    }

    static Alert read(ResultSet row) throws SQLException {
        Array evidence = row.getArray("evidence");
        return new Alert(row.getObject("id", UUID.class), row.getString("rule"),
                Alert.Severity.valueOf(row.getString("severity")), row.getString("actor_id"),
                row.getObject("patient_id", UUID.class), row.getObject("raised_at", OffsetDateTime.class).toInstant(),
                Arrays.stream((Object[]) evidence.getArray()).map(id -> (UUID) id).toList(),
                row.getBoolean("delivered"));
    }
}

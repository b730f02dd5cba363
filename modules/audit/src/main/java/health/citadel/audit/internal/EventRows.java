package health.citadel.audit.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditOutcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maps events to and from {@code audit.access_event} rows, with bind parameters only. */
final class EventRows {

    static final String COLUMNS = "id, occurred_at, actor_id, actor_roles, client_id, action, resource_type, "
            + "resource_id, patient_id, outcome, source_ip, request_id, reason, restricted_patient, seal";
    static final String INSERT = "INSERT INTO audit.access_event (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private EventRows() {
    }

    static void bind(PreparedStatement insert, AuditEvent event, byte[] seal) throws SQLException {
        insert.setObject(1, event.id());
        insert.setTimestamp(2, Timestamp.from(event.occurredAt()));
        insert.setString(3, event.actorId());
        insert.setString(4, String.join(",", event.actorRoles().stream().sorted().toList()));
        insert.setString(5, event.clientId());
        insert.setString(6, event.action().name());
        insert.setString(7, event.resourceType());
        insert.setString(8, event.resourceId());
        if (event.patientId() == null) {
            insert.setNull(9, Types.OTHER);
        } else {
            insert.setObject(9, event.patientId());
        }
        insert.setString(10, event.outcome().name());
        insert.setString(11, event.sourceIp());
        insert.setString(12, event.requestId());
        insert.setString(13, event.reason());
        insert.setBoolean(14, event.restrictedPatient());
        insert.setBytes(15, seal);
    }

    /** Reads the event columns of the current row; the row may come from a join. */
    static AuditEvent read(ResultSet row) throws SQLException {
        String roles = row.getString("actor_roles");
        Set<String> actorRoles = roles == null || roles.isEmpty() ? Set.of()
                : Arrays.stream(roles.split(",")).collect(Collectors.toUnmodifiableSet());
        return new AuditEvent(row.getObject("id", UUID.class),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("actor_id"), actorRoles, row.getString("client_id"),
                AuditAction.valueOf(row.getString("action")), row.getString("resource_type"),
                row.getString("resource_id"), row.getObject("patient_id", UUID.class),
                AuditOutcome.valueOf(row.getString("outcome")), row.getString("source_ip"),
                row.getString("request_id"), row.getString("reason"), row.getBoolean("restricted_patient"));
    }
}

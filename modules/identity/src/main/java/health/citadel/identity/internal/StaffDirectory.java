package health.citadel.identity.internal;

import jakarta.inject.Inject;
import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The names of staff members as their own tokens give them, kept so that a patient's "who looked at my
 * record" can name people. Refreshed at most every few minutes per person, never on the request's critical
 * path to the database more than that.
 */
@ApplicationScoped
public class StaffDirectory {

    /** A staff member as patients see them. */
    public record StaffMember(String displayName, String roles) {
    }

    private static final Duration REFRESH = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(StaffDirectory.class.getName());

    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    @Inject
    ApplicationDatabase database;

    void remember(Caller caller, String displayName) {
        if (caller.roles().isEmpty() || caller.roles().contains(Role.PATIENT) || displayName == null) {
            return;
        }
        Instant now = Instant.now();
        Instant last = lastWritten.get(caller.userId());
        if (last != null && last.isAfter(now.minus(REFRESH))) {
            return;
        }
        try (Connection connection = database.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO identity.staff_member "
                     + "(user_id, display_name, roles, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE "
                     + "SET display_name = excluded.display_name, roles = excluded.roles, seen_at = excluded.seen_at")) {
            upsert.setString(1, caller.userId());
            upsert.setString(2, displayName);
            upsert.setString(3, String.join(",", caller.roleNames().stream().sorted().toList()));
            upsert.setTimestamp(4, Timestamp.from(now));
            upsert.executeUpdate();
            lastWritten.put(caller.userId(), now);
        } catch (SQLException e) {
            // the request is authorized either way; the name is refreshed on a later request
            LOG.warning(() -> "Cannot refresh the staff directory (SQLState " + e.getSQLState() + ")");
        }
    }

    public Map<String, StaffMember> find(Collection<String> userIds) {
        Map<String, StaffMember> members = new HashMap<>();
        if (userIds.isEmpty()) {
            return members;
        }
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT user_id, display_name, roles FROM identity.staff_member WHERE user_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", userIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    members.put(rows.getString(1), new StaffMember(rows.getString(2), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the staff directory (SQLState " + e.getSQLState() + ")", e);
        }
        return members;
    }
}

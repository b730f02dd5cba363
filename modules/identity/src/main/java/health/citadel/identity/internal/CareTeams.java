package health.citadel.identity.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Which clinicians care for which patients, and when. */
@ApplicationScoped
public class CareTeams {

    /** One clinician assigned to one patient from {@code startsAt}, until {@code endsAt} if set. */
    public record Assignment(UUID id, String clinicianId, UUID patientId, Instant startsAt, Instant endsAt,
                             String assignedBy, Instant assignedAt) {
    }

    private static final String COLUMNS = "id, clinician_id, patient_id, starts_at, ends_at, assigned_by, assigned_at";

    @Resource(lookup = "jdbc/citadel")
    DataSource database;

    void insert(Assignment assignment) {
        execute("INSERT INTO identity.care_team_assignment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                assignment.id(), assignment.clinicianId(), assignment.patientId(), timestamp(assignment.startsAt()),
                timestamp(assignment.endsAt()), assignment.assignedBy(), timestamp(assignment.assignedAt()));
    }

    void end(UUID id, Instant at) {
        execute("UPDATE identity.care_team_assignment SET ends_at = ? WHERE id = ?", timestamp(at), id);
    }

    Optional<Assignment> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM identity.care_team_assignment WHERE id = ?", id).stream().findFirst();
    }

    /** The assignments of a patient or of a clinician (either filter may be null), newest first. */
    public List<Assignment> list(UUID patientId, String clinicianId) {
        return query("SELECT " + COLUMNS + " FROM identity.care_team_assignment WHERE (?::uuid IS NULL OR patient_id = ?)"
                + " AND (?::text IS NULL OR clinician_id = ?) ORDER BY assigned_at DESC LIMIT 500",
                patientId, patientId, clinicianId, clinicianId);
    }

    boolean caresFor(String clinicianId, UUID patientId, Instant at) {
        return !query("SELECT " + COLUMNS + " FROM identity.care_team_assignment WHERE clinician_id = ? AND patient_id = ?"
                + " AND starts_at <= ? AND (ends_at IS NULL OR ends_at > ?) LIMIT 1",
                clinicianId, patientId, timestamp(at), timestamp(at)).isEmpty();
    }

    private void execute(String sql, Object... values) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = Statements.prepare(connection, sql, values)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write care teams (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private List<Assignment> query(String sql, Object... values) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = Statements.prepare(connection, sql, values);
             ResultSet rows = statement.executeQuery()) {
            List<Assignment> assignments = new ArrayList<>();
            while (rows.next()) {
                assignments.add(new Assignment(rows.getObject("id", UUID.class), rows.getString("clinician_id"),
                        rows.getObject("patient_id", UUID.class), Statements.instant(rows, "starts_at"),
                        Statements.instant(rows, "ends_at"), rows.getString("assigned_by"),
                        Statements.instant(rows, "assigned_at")));
            }
            return assignments;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read care teams (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package health.citadel.identity.internal;

import jakarta.inject.Inject;
import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.platform.jdbc.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which clinicians care for which patients, and when. */
@ApplicationScoped
public class CareTeams {

    /** One clinician assigned to one patient from {@code startsAt}, until {@code endsAt} if set. */
    public record Assignment(UUID id, String clinicianId, UUID patientId, Instant startsAt, Instant endsAt,
                             String assignedBy, Instant assignedAt) {
    }

    private static final String TABLE = "care teams";
    private static final String COLUMNS = "id, clinician_id, patient_id, starts_at, ends_at, assigned_by, assigned_at";

    @Inject
    ApplicationDatabase database;

    void insert(Assignment assignment) {
        Rows.update(database, TABLE, "INSERT INTO identity.care_team_assignment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                assignment.id(), assignment.clinicianId(), assignment.patientId(), assignment.startsAt(),
                assignment.endsAt(), assignment.assignedBy(), assignment.assignedAt());
    }

    void end(UUID id, Instant at) {
        Rows.update(database, TABLE, "UPDATE identity.care_team_assignment SET ends_at = ? WHERE id = ?", at, id);
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
                + " AND starts_at <= ? AND (ends_at IS NULL OR ends_at > ?) LIMIT 1", clinicianId, patientId, at, at)
                .isEmpty();
    }

    private List<Assignment> query(String sql, Object... values) {
        return Rows.query(database, TABLE, sql, row -> new Assignment(row.getObject("id", UUID.class),
                row.getString("clinician_id"), row.getObject("patient_id", UUID.class), Rows.instant(row, "starts_at"),
                Rows.instant(row, "ends_at"), row.getString("assigned_by"), Rows.instant(row, "assigned_at")), values);
    }
}

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

/** Break-the-glass grants: who opened whose chart, why, until when, and how the review judged it. */
@ApplicationScoped
public class BreakGlassGrants {

    public enum ReviewOutcome {
        JUSTIFIED, UNJUSTIFIED
    }

    public record Grant(UUID id, String clinicianId, UUID patientId, String reason, Instant grantedAt,
                        Instant expiresAt, Instant revokedAt, Instant reviewedAt, String reviewedBy,
                        ReviewOutcome reviewOutcome, String reviewNote) {
    }

    private static final String COLUMNS = "id, clinician_id, patient_id, reason, granted_at, expires_at, revoked_at, "
            + "reviewed_at, reviewed_by, review_outcome, review_note";

    @Resource(lookup = "jdbc/citadel")
    DataSource database;

    void insert(Grant grant) {
        execute("INSERT INTO identity.break_glass_grant (id, clinician_id, patient_id, reason, granted_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", grant.id(), grant.clinicianId(), grant.patientId(), grant.reason(),
                timestamp(grant.grantedAt()), timestamp(grant.expiresAt()));
    }

    void revoke(UUID id, Instant at) {
        execute("UPDATE identity.break_glass_grant SET revoked_at = ? WHERE id = ?", timestamp(at), id);
    }

    void review(UUID id, String reviewer, ReviewOutcome outcome, String note, Instant at) {
        execute("UPDATE identity.break_glass_grant SET reviewed_at = ?, reviewed_by = ?, review_outcome = ?, "
                + "review_note = ? WHERE id = ?", timestamp(at), reviewer, outcome.name(), note, id);
    }

    Optional<Grant> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM identity.break_glass_grant WHERE id = ?", id).stream().findFirst();
    }

    boolean active(String clinicianId, UUID patientId, Instant at) {
        return !query("SELECT " + COLUMNS + " FROM identity.break_glass_grant WHERE clinician_id = ? AND patient_id = ?"
                + " AND granted_at <= ? AND expires_at > ? AND revoked_at IS NULL LIMIT 1",
                clinicianId, patientId, timestamp(at), timestamp(at)).isEmpty();
    }

    /** Newest first; only those awaiting review when asked. */
    public List<Grant> list(boolean unreviewedOnly) {
        return query("SELECT " + COLUMNS + " FROM identity.break_glass_grant WHERE (? = false OR reviewed_at IS NULL)"
                + " ORDER BY granted_at DESC LIMIT 500", unreviewedOnly);
    }

    private void execute(String sql, Object... values) {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = Statements.prepare(connection, sql, values)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write break-the-glass grants (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private List<Grant> query(String sql, Object... values) {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = Statements.prepare(connection, sql, values);
             ResultSet rows = statement.executeQuery()) {
            List<Grant> grants = new ArrayList<>();
            while (rows.next()) {
                String outcome = rows.getString("review_outcome");
                grants.add(new Grant(rows.getObject("id", UUID.class), rows.getString("clinician_id"),
                        rows.getObject("patient_id", UUID.class), rows.getString("reason"),
                        Statements.instant(rows, "granted_at"), Statements.instant(rows, "expires_at"),
                        Statements.instant(rows, "revoked_at"), Statements.instant(rows, "reviewed_at"),
                        rows.getString("reviewed_by"), outcome == null ? null : ReviewOutcome.valueOf(outcome),
                        rows.getString("review_note")));
            }
            return grants;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read break-the-glass grants (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package health.citadel.identity.internal;

import jakarta.inject.Inject;
import health.citadel.platform.jdbc.ApplicationDatabase;
import health.citadel.platform.jdbc.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    private static final String TABLE = "break-the-glass grants";
    /** The advisory locks' first key: "BG" in ASCII, apart from every other user of two-key advisory locks. */
    private static final int OPENING_LOCK = 0x4247;
    private static final String COLUMNS = "id, clinician_id, patient_id, reason, granted_at, expires_at, revoked_at, "
            + "reviewed_at, reviewed_by, review_outcome, review_note";

    @Inject
    ApplicationDatabase database;

    void insert(Grant grant) {
        Rows.update(database, TABLE, "INSERT INTO identity.break_glass_grant (id, clinician_id, patient_id, reason, "
                + "granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)", grant.id(), grant.clinicianId(),
                grant.patientId(), grant.reason(), grant.grantedAt(), grant.expiresAt());
    }

    void revoke(UUID id, Instant at) {
        Rows.update(database, TABLE, "UPDATE identity.break_glass_grant SET revoked_at = ? WHERE id = ?", at, id);
    }

    void review(UUID id, String reviewer, ReviewOutcome outcome, String note, Instant at) {
        Rows.update(database, TABLE, "UPDATE identity.break_glass_grant SET reviewed_at = ?, reviewed_by = ?, "
                + "review_outcome = ?, review_note = ? WHERE id = ?", at, reviewer, outcome.name(), note, id);
    }

    Optional<Grant> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM identity.break_glass_grant WHERE id = ?", id).stream().findFirst();
    }

    boolean active(String clinicianId, UUID patientId, Instant at) {
        return openAt(clinicianId, patientId, at).isPresent();
    }

    /** The clinician's grant for the patient that is open at {@code at}, if any. */
    Optional<Grant> openAt(String clinicianId, UUID patientId, Instant at) {
        return query("SELECT " + COLUMNS + " FROM identity.break_glass_grant WHERE clinician_id = ? AND patient_id = ?"
                + " AND granted_at <= ? AND expires_at > ? AND revoked_at IS NULL LIMIT 1",
                clinicianId, patientId, at, at).stream().findFirst();
    }

    /**
     * Makes a concurrent opening for the same clinician and patient wait until this transaction ends, so that its
     * check sees this one's grant. A unique index cannot say "open", which depends on the time; a transaction's
     * advisory lock can. The two-key form keeps clear of the single-key locks the audit and DR modules take.
     */
    void holdOpeningsOf(String clinicianId, UUID patientId) {
        Rows.query(database, TABLE, "SELECT pg_advisory_xact_lock(?, hashtext(?))", row -> Boolean.TRUE,
                OPENING_LOCK, clinicianId + "/" + patientId);
    }

    /** Newest first; only those awaiting review when asked. */
    public List<Grant> list(boolean unreviewedOnly) {
        return query("SELECT " + COLUMNS + " FROM identity.break_glass_grant WHERE (? = false OR reviewed_at IS NULL)"
                + " ORDER BY granted_at DESC LIMIT 500", unreviewedOnly);
    }

    /** Grants made before {@code cutoff} that no auditor has reviewed yet, oldest first. */
    List<Grant> unreviewedSince(Instant cutoff) {
        return query("SELECT " + COLUMNS + " FROM identity.break_glass_grant WHERE reviewed_at IS NULL"
                + " AND granted_at < ? ORDER BY granted_at", cutoff);
    }

    private List<Grant> query(String sql, Object... values) {
        return Rows.query(database, TABLE, sql, row -> {
            String outcome = row.getString("review_outcome");
            return new Grant(row.getObject("id", UUID.class), row.getString("clinician_id"),
                    row.getObject("patient_id", UUID.class), row.getString("reason"), Rows.instant(row, "granted_at"),
                    Rows.instant(row, "expires_at"), Rows.instant(row, "revoked_at"), Rows.instant(row, "reviewed_at"),
                    row.getString("reviewed_by"), outcome == null ? null : ReviewOutcome.valueOf(outcome),
                    row.getString("review_note"));
        }, values);
    }
}

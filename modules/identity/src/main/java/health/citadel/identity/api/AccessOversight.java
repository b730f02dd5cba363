package health.citadel.identity.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The auditor's oversight of access, through the services the API's break-the-glass and access-review resources
 * use: the break-the-glass grants to judge, and the latest access review's findings. Who may call it is the
 * caller's to check (REVIEW_ACCESS).
 */
public interface AccessOversight {

    /** The longest review note, as the API takes it. */
    int NOTE_MAX_LENGTH = 2000;

    /** How the auditor judged an emergency access. */
    enum Judgement {
        JUSTIFIED, UNJUSTIFIED
    }

    /** One break-the-glass grant: who opened whose chart, why, until when, and how it was judged, if it was. */
    record EmergencyAccess(UUID id, String clinicianId, UUID patientId, String reason, Instant grantedAt,
                           Instant expiresAt, Instant revokedAt, Instant reviewedAt, String reviewedBy,
                           Judgement judgement, String note) {
    }

    /** Newest first; only those no auditor has judged yet when asked. */
    List<EmergencyAccess> breakGlassGrants(boolean awaitingReviewOnly);

    /** Records the caller's judgement; 404 for an unknown grant, 409 for one already judged. Audited. */
    EmergencyAccess review(UUID grant, Judgement judgement, String note);
}

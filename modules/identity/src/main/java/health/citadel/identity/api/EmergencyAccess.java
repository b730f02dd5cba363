package health.citadel.identity.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Break-the-glass for other modules' pages: the same service as the API's grants, which checks the reason and the
 * recent second factor, audits and alerts.
 */
public interface EmergencyAccess {

    /** An open grant of the current caller to one patient's chart, until it expires or is revoked. */
    record Grant(UUID id, UUID patientId, Instant grantedAt, Instant expiresAt) {
    }

    /**
     * Opens the chart for a short time; 400 for a reason too short, 404 for no such patient, 409 while a grant of the
     * caller's for the patient is open, {@link StepUpRequired} without a recent second factor.
     */
    Grant open(UUID patientId, String reason);

    /** Closes one's own grant early; 404 for no such grant of the caller's, 409 when it has already ended. */
    void revoke(UUID grantId);

    /** The current caller's grant for the patient that is open now, if any. */
    Optional<Grant> openFor(UUID patientId);
}

package health.citadel.identity.api;

import health.citadel.platform.problem.RequestRefused;
import java.util.UUID;

/**
 * Minimum necessary access, for other modules: the single place that decides whether the current caller may
 * use a permission on one patient's data. Every denial it decides is audited.
 */
public interface AccessPolicy {

    /** @param patientId the patient whose data is touched, or null for an operation on no one patient */
    AccessDecision decide(Permission permission, UUID patientId);

    /**
     * Refuses unless {@link #decide} allows: the RFC 9470 challenge ({@link StepUpRequired}) where a recent
     * second factor is missing, else 403.
     */
    default void require(Permission permission, UUID patientId) {
        AccessDecision decision = decide(permission, patientId);
        switch (decision.verdict()) {
            case ALLOW -> { }
            case STEP_UP -> throw new StepUpRequired();
            default -> throw RequestRefused.forbidden(
                    patientId == null ? "not permitted" : "not permitted for this patient");
        }
    }
}

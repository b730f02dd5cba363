package health.citadel.identity.api;

import java.util.UUID;

/**
 * Minimum necessary access, for other modules: the single place that decides whether the current caller may
 * use a permission on one patient's data. Every denial it decides is audited.
 */
public interface AccessPolicy {

    /** @param patientId the patient whose data is touched, or null for an operation on no one patient */
    AccessDecision decide(Permission permission, UUID patientId);
}

package health.citadel.identity.api;

import java.util.UUID;

/**
 * Whether a patient is registered. Identity refuses break-the-glass grants and care-team assignments for
 * patients who do not exist, yet may not depend on the module that keeps the register: that module implements
 * this interface instead (it may use identity's api), and CDI hands identity its implementation.
 */
public interface KnownPatients {

    boolean registered(UUID patientId);
}

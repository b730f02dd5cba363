package health.citadel.identity.internal;

import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.EmergencyAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Break-the-glass as the portal's pages use it: {@link BreakGlassService}, the service behind the API's grants. */
@ApplicationScoped
class BreakGlassDesk implements EmergencyAccess {

    @Inject
    BreakGlassService service;

    @Inject
    BreakGlassGrants grants;

    @Inject
    CurrentCaller currentCaller;

    @Override
    public Grant open(UUID patientId, String reason) {
        return shown(service.open(patientId, reason));
    }

    @Override
    public void revoke(UUID grantId) {
        service.revoke(grantId);
    }

    @Override
    public Optional<Grant> openFor(UUID patientId) {
        return grants.openAt(currentCaller.get().userId(), patientId, Instant.now()).map(BreakGlassDesk::shown);
    }

    private static Grant shown(BreakGlassGrants.Grant grant) {
        return new Grant(grant.id(), grant.patientId(), grant.grantedAt(), grant.expiresAt());
    }
}

package health.citadel.identity.internal;

import health.citadel.identity.api.AccessOversight;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** {@link AccessOversight} over the same grants, review service and reports the API's resources use. */
@ApplicationScoped
class AccessOversightDesk implements AccessOversight {

    @Inject
    BreakGlassGrants grants;

    @Inject
    BreakGlassService breakGlass;

    @Override
    public List<EmergencyAccess> breakGlassGrants(boolean awaitingReviewOnly) {
        return grants.list(awaitingReviewOnly).stream().map(AccessOversightDesk::emergencyAccess).toList();
    }

    @Override
    public EmergencyAccess review(UUID grant, Judgement judgement, String note) {
        return emergencyAccess(breakGlass.review(grant, BreakGlassGrants.ReviewOutcome.valueOf(judgement.name()), note));
    }

    private static EmergencyAccess emergencyAccess(BreakGlassGrants.Grant grant) {
        return new EmergencyAccess(grant.id(), grant.clinicianId(), grant.patientId(), grant.reason(),
                grant.grantedAt(), grant.expiresAt(), grant.revokedAt(), grant.reviewedAt(), grant.reviewedBy(),
                grant.reviewOutcome() == null ? null : Judgement.valueOf(grant.reviewOutcome().name()), grant.reviewNote());
    }
}

package health.citadel.identity.internal;

import health.citadel.identity.api.Role;
import health.citadel.platform.problem.RequestRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * Who may be put on a care team: an enabled account of the realm that holds a clinical role now. The realm is
 * asked, not the staff directory, which knows only those who have signed in (a new colleague is assigned before
 * their first shift) and their roles as their last token gave them (a role taken away stays there).
 */
@ApplicationScoped
class Clinicians {

    @Inject
    RealmDirectory realm;

    /** Refuses, naming {@code clinicianId}, unless the account is an enabled physician or nurse. */
    void require(String clinicianId) {
        RealmAccount account;
        try {
            account = realm.account(clinicianId)
                    .orElseThrow(() -> RequestRefused.notFound("clinicianId: no such user"));
        } catch (KeycloakRealmDirectory.RealmUnavailable e) {
            throw new RequestRefused(Response.Status.SERVICE_UNAVAILABLE, "the identity provider cannot be read now");
        }
        boolean clinical = account.roles().contains(Role.PHYSICIAN.claimValue())
                || account.roles().contains(Role.NURSE.claimValue());
        if (!account.enabled() || !clinical) {
            throw RequestRefused.badRequest("clinicianId: not an enabled physician or nurse");
        }
    }
}

package health.citadel.dr.web;

import health.citadel.identity.api.AccessPolicy;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who runs a DR change, for the API and the DBA console alike. */
@RequestScoped
public class DrOperator {

    @Inject
    CurrentCaller caller;

    @Inject
    AccessPolicy policy;

    /**
     * The DBA, once the access policy has seen a recent second factor (else {@code StepUpRequired}) and before
     * anything is done; the audit names them by the identity provider's id, never by name or e-mail.
     */
    public String steppedUp() {
        policy.require(Permission.RUN_DR, null);
        return caller.get().userId();
    }
}

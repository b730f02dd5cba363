package health.citadel.identity.internal;

import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Holds the caller that {@link PermissionCheck} authorized for this request. */
@RequestScoped
class RequestCaller implements CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authorized caller in this request");
        }
        return caller;
    }

    @Override
    public Optional<Caller> authorized() {
        return Optional.ofNullable(caller);
    }
}

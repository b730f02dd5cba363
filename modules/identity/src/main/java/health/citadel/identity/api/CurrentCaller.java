package health.citadel.identity.api;

import java.util.Optional;

/** The caller of the current request, for services in other modules. */
public interface CurrentCaller {

    /** @throws IllegalStateException outside an authorized request */
    Caller get();

    /** The caller, when this request has been authorized: a page shows its navigation only then. */
    Optional<Caller> authorized();
}

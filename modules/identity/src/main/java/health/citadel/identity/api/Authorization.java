package health.citadel.identity.api;

import health.citadel.identity.internal.DefaultDenyAuthorization;
import java.util.Set;

/**
 * The providers that authorize every resource method of a Jakarta REST application: the permission check, which
 * audits each denial. An application that lists its classes (the portal) registers these, so its pages are
 * authorized exactly as the API is.
 */
public final class Authorization {

    private Authorization() {
    }

    public static Set<Class<?>> providers() {
        return Set.of(DefaultDenyAuthorization.class);
    }
}

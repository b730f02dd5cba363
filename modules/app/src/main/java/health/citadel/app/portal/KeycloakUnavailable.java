package health.citadel.app.portal;

/** Keycloak did not answer the portal's request: the person sees a 503 page, never the cause. */
final class KeycloakUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KeycloakUnavailable(Exception cause) {
        super("Keycloak did not answer", cause);
    }
}

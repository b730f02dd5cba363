package health.citadel.platform.web;

/**
 * A bearer token the server refused (Liberty's mpJwt, before any code of ours ran), told to whoever can say why in
 * words that quote none of it. The token itself is never to be logged.
 */
public record BearerTokenRefused(String token) {

    private static final String SCHEME = "Bearer ";

    @Override
    public String toString() {
        return "BearerTokenRefused[token hidden]";
    }

    /** The token an {@code Authorization} header carries, or null when it carries no bearer token. */
    static BearerTokenRefused of(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return new BearerTokenRefused(authorization.substring(SCHEME.length()).trim());
    }
}

package health.citadel.app.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * What the server keeps for one browser: the tokens of its login (which never reach the browser), the login
 * under way, and the token every state-changing form must carry. The browser holds only the session cookie.
 */
final class PortalSession implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = PortalSession.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A login sent to Keycloak and not yet back: what its answer must match, where to go afterwards, and whether
     * it is a step-up (the password and second factor asked again, even within Keycloak's session).
     */
    record PendingLogin(String state, String nonce, String codeVerifier, String returnTo, boolean stepUp)
            implements Serializable {
    }

    /** The tokens of a finished login; the ID token only proves the login's nonce. */
    record Tokens(String accessToken, String refreshToken, String idToken) implements Serializable {
    }

    private final String csrfToken = randomText();
    private PendingLogin pendingLogin;
    private Tokens tokens;

    /** This browser's session, if it has one. */
    static Optional<PortalSession> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((PortalSession) session.getAttribute(ATTRIBUTE));
    }

    /** This browser's session, started now if need be. */
    static PortalSession start(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        PortalSession portal = (PortalSession) session.getAttribute(ATTRIBUTE);
        if (portal == null) {
            portal = new PortalSession();
            session.setAttribute(ATTRIBUTE, portal);
        }
        return portal;
    }

    static String randomText() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String csrfToken() {
        return csrfToken;
    }

    /** Whether a submitted form carries this session's token; compared in constant time. */
    boolean csrfMatches(String submitted) {
        return submitted != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }

    synchronized void pendingLogin(PendingLogin login) {
        pendingLogin = login;
    }

    /** The login under way, consumed: a state is answered once. */
    synchronized Optional<PendingLogin> takePendingLogin() {
        PendingLogin login = pendingLogin;
        pendingLogin = null;
        return Optional.ofNullable(login);
    }

    synchronized Optional<Tokens> tokens() {
        return Optional.ofNullable(tokens);
    }

    synchronized void tokens(Tokens tokens) {
        this.tokens = tokens;
    }
}

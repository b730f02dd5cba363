package health.citadel.app.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * The portal's login as a backend for the browser: it starts a login at Keycloak, finishes it on the callback,
 * keeps the tokens in the server's session and refreshes them there, and ends both sessions on logout.
 */
@ApplicationScoped
class SignIn {

    /** Pages the portal returns to after a login: its own, never another site's. */
    static final String PORTAL_PATH = "/portal/";

    @Inject
    OpenIdProvider provider;

    @Inject
    TokenVerifier verifier;

    /**
     * Keycloak's login page for a login that comes back to {@code returnTo}; a step-up login asks for the password
     * and the second factor again even when Keycloak's session is alive, renewing the token's {@code auth_time}.
     */
    URI begin(HttpServletRequest request, String returnTo, boolean stepUp) {
        PortalSession.PendingLogin login = new PortalSession.PendingLogin(PortalSession.randomText(),
                PortalSession.randomText(), PortalSession.randomText(),
                returnTo != null && returnTo.startsWith(PORTAL_PATH) ? returnTo : PORTAL_PATH, stepUp);
        PortalSession.start(request).pendingLogin(login);
        return provider.authorization(login);
    }

    /**
     * Finishes the login Keycloak sent back: the state must be this browser's, the code redeemable with its PKCE
     * verifier, the ID token genuine with this login's nonce. The session gets a new id (no fixation).
     *
     * @return where the person was going, or empty when the answer is not this browser's login
     */
    Optional<String> finish(HttpServletRequest request) {
        Optional<PortalSession.PendingLogin> pending = PortalSession.of(request).flatMap(PortalSession::takePendingLogin);
        String state = request.getParameter("state");
        String code = request.getParameter("code");
        if (pending.isEmpty() || state == null || code == null || !same(state, pending.get().state())) {
            return Optional.empty();
        }
        Optional<PortalSession.Tokens> tokens = provider.redeem(code, pending.get().codeVerifier())
                .filter(issued -> issued.idToken() != null && verifier.idToken(issued.idToken())
                        .map(claims -> Objects.equals(claims.getClaim("nonce"), pending.get().nonce())).orElse(false))
                .filter(issued -> verifier.accessToken(issued.accessToken()).isPresent());
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        request.changeSessionId();
        PortalSession.start(request).tokens(tokens.get());
        return Optional.of(pending.get().returnTo());
    }

    /**
     * The person signed in to this browser's session, from an access token verified now, refreshed first when it
     * has expired; empty when there is no login or Keycloak's session has ended.
     */
    Optional<VerifiedToken> signedIn(HttpServletRequest request) {
        Optional<PortalSession> session = PortalSession.of(request);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        // one refresh at a time per session: refresh tokens rotate, so a second use of the old one is refused
        synchronized (session.get()) {
            Optional<PortalSession.Tokens> tokens = session.get().tokens();
            Optional<VerifiedToken> token = tokens.flatMap(held -> verifier.accessToken(held.accessToken()));
            if (token.isPresent() || tokens.isEmpty()) {
                return token;
            }
            Optional<PortalSession.Tokens> refreshed = provider.refresh(tokens.get().refreshToken());
            session.get().tokens(refreshed.orElse(null));
            return refreshed.flatMap(issued -> verifier.accessToken(issued.accessToken()));
        }
    }

    /**
     * Ends this browser's session and the person's Keycloak session, so that the next visit asks for the password
     * again.
     *
     * @return whether Keycloak confirmed the end of its session
     */
    boolean end(HttpServletRequest request) {
        Optional<String> refreshToken = PortalSession.of(request).flatMap(PortalSession::tokens)
                .map(PortalSession.Tokens::refreshToken);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return refreshToken.map(provider::endSession).orElse(true);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

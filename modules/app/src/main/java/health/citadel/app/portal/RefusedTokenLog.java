package health.citadel.app.portal;

import com.nimbusds.jwt.JWTParser;
import health.citadel.platform.web.BearerTokenRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * One line per refused bearer token: why, by the checks the API makes (the portal's {@link TokenVerifier}), and a
 * hash of the token's id, which its holder or Keycloak's events can match. Nothing of the token itself: its payload
 * names the staff member, and a part of a valid token is a part of a credential.
 */
@ApplicationScoped
class RefusedTokenLog {

    private static final Logger LOG = Logger.getLogger(RefusedTokenLog.class.getName());
    private static final int HASH_HEX_DIGITS = 16;

    @Inject
    TokenVerifier verifier;

    void on(@Observes BearerTokenRefused refused) {
        String reason;
        try {
            reason = verifier.refusal(refused.token()).map(TokenRefusal::reason)
                    .orElse("refused by the server though its signature and claims verify");
        } catch (RuntimeException unforeseen) {
            // a log line must not turn the client's 401 into a 500; the exception's message could quote the token
            reason = "not readable by the verifier (" + unforeseen.getClass().getSimpleName() + ")";
        }
        String because = reason;
        LOG.info(() -> "A bearer token was refused: " + because + "; token id " + idHash(refused.token()));
    }

    /** The first hex digits of the SHA-256 of the token's {@code jti}, or "none" when it has none. */
    static String idHash(String token) {
        String id;
        try {
            id = JWTParser.parse(token).getJWTClaimsSet().getJWTID();
        } catch (ParseException | RuntimeException notAJwt) {
            id = null;
        }
        if (id == null) {
            return "none";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

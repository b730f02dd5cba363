package health.citadel.app.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.text.ParseException;
import java.util.Optional;

/**
 * Why a token is refused, in fixed words: the verifier's own messages can quote the token's claims, so they only
 * choose among these and are never logged.
 */
enum TokenRefusal {
    NOT_A_JWT("not a JWT"),
    NOT_SIGNED_BY_THE_REALM("unsigned, or not signed with RS256 by a key of the realm"),
    SIGNATURE("its signature does not verify"),
    KEYS_UNAVAILABLE("the realm's signing keys could not be fetched"),
    EXPIRED("expired"),
    NOT_YET_VALID("not yet valid"),
    ANOTHER_AUDIENCE("issued for another audience"),
    ANOTHER_ISSUER("issued by another issuer"),
    MISSING_CLAIM("a required claim is missing"),
    OTHER_CLAIMS("its claims are not accepted");

    private final String reason;

    TokenRefusal(String reason) {
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    /** Why {@code processor} refuses {@code token}; empty if it accepts it. */
    static Optional<TokenRefusal> of(DefaultJWTProcessor<SecurityContext> processor, String token) {
        try {
            processor.process(token, null);
            return Optional.empty();
        } catch (ParseException malformed) {
            return Optional.of(NOT_A_JWT);
        } catch (BadJWTException claims) {
            return Optional.of(ofClaims(claims));
        } catch (BadJWSException signature) {
            return Optional.of(SIGNATURE);
        } catch (BadJOSEException unsignedOrUnknownKey) {
            return Optional.of(NOT_SIGNED_BY_THE_REALM);
        } catch (KeySourceException keys) {
            return Optional.of(KEYS_UNAVAILABLE);
        } catch (JOSEException signature) {
            return Optional.of(SIGNATURE);
        }
    }

    private static TokenRefusal ofClaims(BadJWTException claims) {
        String message = String.valueOf(claims.getMessage());
        if (claims instanceof ExpiredJWTException) {
            return EXPIRED;
        } else if (message.startsWith("JWT before use time")) {
            return NOT_YET_VALID;
        } else if (message.contains("aud claim")) {
            return ANOTHER_AUDIENCE;
        } else if (message.startsWith("JWT iss claim")) {
            return ANOTHER_ISSUER;
        } else if (message.startsWith("JWT missing required claims")) {
            return MISSING_CLAIM;
        }
        return OTHER_CLAIMS;
    }
}

package health.citadel.app.portal;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An access token the portal has verified, seen as the API sees a bearer token, so that identity reads the same
 * {@code Caller} from it: the subject names the person (as mpJwt's {@code userNameAttribute="sub"}), roles come
 * from the {@code groups} claim.
 */
final class VerifiedToken implements JsonWebToken {

    private final String raw;
    private final JWTClaimsSet claims;

    VerifiedToken(String raw, JWTClaimsSet claims) {
        this.raw = raw;
        this.claims = claims;
    }

    @Override
    public String getName() {
        return claims.getSubject();
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.getClaims().keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if ("raw_token".equals(claimName)) {
            return (T) raw;
        }
        return (T) claims.getClaim(claimName);
    }

    @Override
    public Set<String> getGroups() {
        Object groups = claims.getClaim("groups");
        return groups instanceof List<?> names ? names.stream().map(String::valueOf)
                .collect(Collectors.toUnmodifiableSet()) : Set.of();
    }

    /** The person's name for the page header, as the identity provider gives it. */
    String displayName() {
        Object name = claims.getClaim("name");
        return name != null ? name.toString() : String.valueOf(claims.getClaim("preferred_username"));
    }
}

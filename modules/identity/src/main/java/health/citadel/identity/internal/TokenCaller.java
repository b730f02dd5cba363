package health.citadel.identity.internal;

import health.citadel.identity.api.Caller;
import health.citadel.identity.api.Role;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads a {@link Caller} from a token that Liberty has already verified. */
final class TokenCaller {

    /** The {@code amr} value Keycloak's OTP step writes (RFC 8176). */
    static final String ONE_TIME_PASSWORD = "otp";

    private TokenCaller() {
    }

    static Caller from(JsonWebToken token) {
        Set<Role> roles = token.getGroups().stream()
                .map(Role::fromClaim)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(token.getSubject(), roles, RolePermissions.of(roles),
                authenticationMethods(token).contains(ONE_TIME_PASSWORD), authenticatedAt(token), token.getClaim("azp"), linkedPatient(token, roles));
    }

    /** The person's name as the identity provider gives it, for the staff directory. */
    static String displayName(JsonWebToken token) {
        Object name = token.getClaim("name");
        if (name instanceof JsonString json) {
            return json.getString();
        }
        return name != null ? name.toString() : token.getClaim("preferred_username");
    }

    /** Only a patient's login links to a chart; a malformed link links to none. */
    private static UUID linkedPatient(JsonWebToken token, Set<Role> roles) {
        Object claim = token.getClaim("patient_id");
        String value = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        if (value == null || !roles.contains(Role.PATIENT)) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /**
     * When the person last presented their credentials: {@code auth_time}, which an interactive login sets and a
     * refresh carries over unchanged. Without it there is no trustworthy time: a token's {@code iat} is renewed
     * by every refresh, so falling back to it would let a second factor from hours ago count as fresh.
     */
    private static Instant authenticatedAt(JsonWebToken token) {
        Long authTime = epochSeconds(token.getClaim("auth_time"));
        return authTime != null ? Instant.ofEpochSecond(authTime) : null;
    }

    /** Liberty reports an absent numeric claim as 0, so 0 means "not in the token". */
    private static Long epochSeconds(Object claim) {
        long seconds = claim instanceof JsonNumber json ? json.longValue()
                : claim instanceof Number number ? number.longValue() : 0;
        return seconds > 0 ? seconds : null;
    }

    private static Collection<String> authenticationMethods(JsonWebToken token) {
        Object amr = token.getClaim("amr");
        if (amr instanceof JsonArray array) {
            return array.getValuesAs(JsonString::getString);
        }
        if (amr instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}

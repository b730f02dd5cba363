package health.citadel.identity.api;

import java.time.Instant;
import java.util.Set;

/**
 * The authenticated person behind a request.
 *
 * @param userId       the identity provider's stable subject id, never a name
 * @param roles        the Citadel roles the token grants
 * @param permissions  what those roles allow
 * @param secondFactor whether the login proved a second factor ({@code amr} contains {@code otp})
 * @param authenticatedAt when the person last authenticated ({@code auth_time}), if the token says
 */
public record Caller(String userId, Set<Role> roles, Set<Permission> permissions, boolean secondFactor,
                     Instant authenticatedAt) {

    public Caller {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }
}

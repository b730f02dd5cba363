package health.citadel.identity.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The authenticated person behind a request.
 *
 * @param userId       the identity provider's stable subject id, never a name
 * @param roles        the Citadel roles the token grants
 * @param permissions  what those roles allow
 * @param secondFactor whether the login proved a second factor ({@code amr} contains {@code otp})
 * @param authenticatedAt when the person last presented credentials ({@code auth_time}), or null when the token
 *                        does not say (a password grant), which never counts as a recent second factor
 * @param clientId     the OAuth client the token was issued to ({@code azp})
 * @param patientId    for a patient's login, the chart it is linked to (the {@code patient_id} claim, from the
 *                     Keycloak user attribute {@code citadel_patient_id}); null for everyone else
 */
public record Caller(String userId, Set<Role> roles, Set<Permission> permissions, boolean secondFactor,
                     Instant authenticatedAt, String clientId, UUID patientId) {

    public Caller {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** The roles as the identity provider names them. */
    public Set<String> roleNames() {
        return roles.stream().map(Role::claimValue).collect(Collectors.toUnmodifiableSet());
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }
}

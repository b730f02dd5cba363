package health.citadel.identity.internal;

import java.time.Instant;
import java.util.Set;

/**
 * An account of the identity provider's realm, as the access review sees it.
 *
 * @param createdAt when the account was created; unknown for accounts imported without it
 * @param roles     its effective realm roles, composites expanded
 */
record RealmAccount(String id, String username, boolean enabled, boolean otpConfigured, Instant createdAt,
                    Set<String> roles) {
}

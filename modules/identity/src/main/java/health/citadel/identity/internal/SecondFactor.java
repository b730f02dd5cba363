package health.citadel.identity.internal;

import health.citadel.identity.api.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a caller proved a second factor recently enough for a high-stakes operation: a token with {@code otp}
 * among its methods whose login ({@code auth_time}) lies within the window. A refreshed token keeps its login's
 * time, so the window is counted from the moment the second factor was presented.
 */
@ApplicationScoped
class SecondFactor {

    @Inject
    @ConfigProperty(name = "citadel.identity.step-up.max-age", defaultValue = "PT15M")
    Duration maxAge;

    boolean recent(Caller caller) {
        return caller.secondFactor() && caller.authenticatedAt() != null
                && caller.authenticatedAt().isAfter(Instant.now().minus(maxAge));
    }
}

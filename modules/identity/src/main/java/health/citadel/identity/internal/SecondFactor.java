package health.citadel.identity.internal;

import health.citadel.identity.api.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether a caller proved a second factor recently enough for a high-stakes operation. */
@ApplicationScoped
class SecondFactor {

    @Inject
    @ConfigProperty(name = "citadel.identity.step-up.max-age-minutes", defaultValue = "15")
    long maxAgeMinutes;

    boolean recent(Caller caller) {
        return caller.secondFactor() && caller.authenticatedAt() != null
                && caller.authenticatedAt().isAfter(Instant.now().minus(Duration.ofMinutes(maxAgeMinutes)));
    }
}

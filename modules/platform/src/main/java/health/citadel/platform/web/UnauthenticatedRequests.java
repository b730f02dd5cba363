package health.citadel.platform.web;

import io.github.bucket4j.TimeMeter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The allowance of requests without a valid token, per client address: a missing, malformed, forged or expired
 * token is refused by Liberty before the application's own limits ({@link RateLimits}) can count it, so its 401
 * is counted here, where the container's error page is written, and beyond the allowance answered 429 instead.
 * Small by default: a person's client needs a token refresh now and then, not a stream of refusals.
 */
@ApplicationScoped
public class UnauthenticatedRequests {

    private static final Tag LIMIT = new Tag("limit", "unauthenticated");
    private static final int ADDRESSES_KEPT = 100_000;

    @Inject
    @ConfigProperty(name = "citadel.rate-limit.unauthenticated.burst", defaultValue = "100")
    long burst;

    @Inject
    @ConfigProperty(name = "citadel.rate-limit.unauthenticated.per-second", defaultValue = "10")
    long perSecond;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private Allowances addresses;

    @PostConstruct
    void configure() {
        addresses = new Allowances(burst, perSecond, ADDRESSES_KEPT, TimeMeter.SYSTEM_NANOTIME);
        // the series exists at zero from the start, so rate() sees its first 429
        metrics.counter(RateLimits.THROTTLED, LIMIT);
    }

    /** Counts one refused request from {@code address}; empty while within the allowance, else the wait. */
    Optional<Duration> refused(String address) {
        Optional<Duration> wait = addresses.take(address);
        wait.ifPresent(ignored -> metrics.counter(RateLimits.THROTTLED, LIMIT).inc());
        return wait;
    }
}

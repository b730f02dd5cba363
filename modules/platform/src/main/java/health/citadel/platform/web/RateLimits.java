package health.citadel.platform.web;

import health.citadel.platform.problem.Problem;
import io.github.bucket4j.TimeMeter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Rate limits per client address and per user, checked once the caller is authenticated and before anything
 * else is done for them: a request over either answers 429 with {@code Retry-After}. The address is the one
 * Liberty's {@code remoteIp} settles on (the client's, behind a trusted proxy), as the audit and the access log
 * see it. Buckets live in this instance's memory.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 100)
public class RateLimits implements ContainerRequestFilter {

    static final Metadata THROTTLED = Metadata.builder().withName("citadel_requests_throttled")
            .withDescription("Requests refused with 429, by the limit they exceeded (address, user, or an address's"
                    + " requests without a valid token: unauthenticated)").build();
    /** How many callers of each kind keep a bucket; beyond that the least recently seen start afresh. */
    private static final int CALLERS_KEPT = 100_000;

    @Inject
    @ConfigProperty(name = "citadel.rate-limit.user.burst", defaultValue = "300")
    long userBurst;

    @Inject
    @ConfigProperty(name = "citadel.rate-limit.user.per-second", defaultValue = "30")
    long userPerSecond;

    @Inject
    @ConfigProperty(name = "citadel.rate-limit.address.burst", defaultValue = "1500")
    long addressBurst;

    @Inject
    @ConfigProperty(name = "citadel.rate-limit.address.per-second", defaultValue = "150")
    long addressPerSecond;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Inject
    HttpServletRequest servletRequest;

    private Allowances users;
    private Allowances addresses;

    @PostConstruct
    void configure() {
        users = new Allowances(userBurst, userPerSecond, CALLERS_KEPT, TimeMeter.SYSTEM_NANOTIME);
        addresses = new Allowances(addressBurst, addressPerSecond, CALLERS_KEPT, TimeMeter.SYSTEM_NANOTIME);
        // both kinds exist at zero from the start: rate() over a series that appears at its first 429 misses it
        for (String limit : List.of("address", "user")) {
            metrics.counter(THROTTLED, new Tag("limit", limit));
        }
    }

    /** A wait in whole seconds, rounded up, as {@code Retry-After} takes it. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Duration> wait = addresses.take(servletRequest.getRemoteAddr());
        String limit = "address";
        Principal user = request.getSecurityContext().getUserPrincipal();
        if (wait.isEmpty() && user != null) {
            wait = users.take(user.getName());
            limit = "user";
        }
        if (wait.isPresent()) {
            // the label names the kind of limit only: never a person or an address
            metrics.counter(THROTTLED, new Tag("limit", limit)).inc();
            long seconds = seconds(wait.get());
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS,
                            "too many requests from this " + limit + ": try again in " + seconds + " s").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, seconds).build());
        }
    }
}

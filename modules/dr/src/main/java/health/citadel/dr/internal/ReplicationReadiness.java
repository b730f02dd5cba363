package health.citadel.dr.internal;

import health.citadel.dr.api.ReplicationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the standby keeps up: lag within {@code citadel.dr.readiness.max-lag} and no replication problem,
 * by the newest scheduled probe. Without a configured standby there is nothing to keep up with.
 */
@Readiness
@ApplicationScoped
class ReplicationReadiness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "citadel.dr.readiness.max-lag", defaultValue = "PT30S")
    Duration maxLag;

    @Inject
    ReplicationWatch watch;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("replication");
        if (!watch.configured()) {
            return response.up().withData("standby", "none configured").build();
        }
        // before the first scheduled probe, or if probing stalled, look now
        ReplicationStatus status = watch.latest()
                .filter(s -> s.probedAt().isAfter(Instant.now().minus(watch.probeInterval().multipliedBy(3))))
                .orElseGet(watch::probeNow);
        response.status(status.healthy(maxLag.toMillis() / 1000.0))
                .withData("maxLagSeconds", maxLag.toSeconds());
        if (status.lagSeconds() != null) {
            response.withData("lagSeconds", status.lagSeconds().toString());
        }
        if (!status.problems().isEmpty()) {
            response.withData("problem", status.problems().get(0));
        }
        return response.build();
    }
}
